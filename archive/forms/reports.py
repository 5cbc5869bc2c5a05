"""The 报错 form under an article: what is wrong, in the reader's words, and how to reply.

No account is needed, so the form guards itself: a length limit on the message and a honeypot
field (HONEYPOT) that people never see and bots fill in. The rate limit per address is the
service's (archive/services/reports.py), since it counts reports, not forms.
"""

from __future__ import annotations

from django import forms

from archive.models import ErrorReport, ReportKind

MESSAGE_MAX_CHARS = 2000
CONTACT_MAX_CHARS = ErrorReport._meta.get_field("contact").max_length
HONEYPOT = "website"  # a name form-filling bots cannot resist


class ErrorReportForm(forms.Form):
    kind = forms.ChoiceField(label="问题", choices=ReportKind.choices)
    message = forms.CharField(
        label="说明",
        max_length=MESSAGE_MAX_CHARS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MESSAGE_MAX_CHARS}),
        error_messages={
            "required": "请写明哪里有误。",
            "max_length": f"说明最多 {MESSAGE_MAX_CHARS} 字。",
        },
        help_text="例如：第三段的“王晓明”应为“王小明”；标题漏了一个字。",
    )
    contact = forms.CharField(
        label="联系方式（选填）",
        required=False,
        max_length=CONTACT_MAX_CHARS,
        error_messages={"max_length": f"联系方式最多 {CONTACT_MAX_CHARS} 字。"},
        help_text="邮箱或电话，只在需要向您核实时使用，不会公开。",
    )
    website = forms.CharField(
        label="请勿填写此项",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def people_fields(self):
        return [self[name] for name in self.fields if name != HONEYPOT]

    def honeypot(self):
        return self[HONEYPOT]

    def is_bot(self) -> bool:
        """The honeypot was filled in (call after is_valid())."""
        return bool(self.cleaned_data.get(HONEYPOT))
