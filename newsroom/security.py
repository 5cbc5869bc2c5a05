"""Content-Security-Policy on every response (Django 5.2 has no setting for it)."""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith("/admin/")
            policy = settings.NEWSROOM_CSP_ADMIN if admin else settings.NEWSROOM_CSP
            response["Content-Security-Policy"] = policy
        return response
