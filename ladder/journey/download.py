"""The result as a PDF to keep: the same result body as the page (ladder.result_pdf)."""

from django.http import HttpResponse
from django.shortcuts import redirect

from home.private_pages import make_private
from ladder.journey.steps import load
from ladder.journey.summary import result_context
from ladder.journey.views import refuse_expired
from ladder.result_pdf import render_result_pdf


@refuse_expired
def result_pdf(request, page, token):
    assessment, steps = load(page, token)
    if not assessment.is_submitted:
        return make_private(redirect(steps.check()))
    context = {
        "title": (
            f"Self-assessment result: {assessment.organisation_label}, "
            f"{assessment.get_scope_type_display().lower()} “{assessment.scope_name}”"
        ),
        "sent_on": assessment.submitted_at,
        **result_context(assessment),
    }
    pdf = render_result_pdf(context, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"self-assessment-result-{assessment.submitted_at:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return make_private(response)
