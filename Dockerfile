# The same app as `make run`: gunicorn as a non-root user, static files collected at build time.
# Run with: docker run -e DJANGO_SECRET_KEY=… -e DJANGO_ALLOWED_HOSTS=archive.example -v data:/data -p 8000:8000 IMAGE
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    NEWSROOM_DATA_DIR=/data \
    DJANGO_SETTINGS_MODULE=newsroom.settings

WORKDIR /app
RUN useradd --create-home --uid 10001 newsroom

COPY pyproject.toml README.md manage.py ./
COPY newsroom ./newsroom
COPY archive ./archive
RUN pip install -e .

COPY templates ./templates
COPY static ./static
COPY seeds ./seeds
# The key only satisfies the settings check during the build; the real one comes at run time.
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput -v 0 \
    && mkdir -p /data && chown newsroom:newsroom /data

USER newsroom
VOLUME ["/data"]
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn newsroom.wsgi --config python:newsroom.gunicorn_conf --bind 0.0.0.0:8000"]
