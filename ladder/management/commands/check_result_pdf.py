"""Render a sample result PDF, to prove WeasyPrint, Pango and the fonts work here.

Run by ``scripts/check_pdf.sh`` in CI and in the Docker build. Needs no database.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ladder.result_pdf import render_result_pdf, sample_context


class Command(BaseCommand):
    help = "Render a sample self-assessment result as a PDF (WeasyPrint and Pango check)."

    def add_arguments(self, parser):
        parser.add_argument("output", help="Where to write the sample PDF.")

    def handle(self, *args, **options):
        try:
            pdf = render_result_pdf(sample_context())
        except OSError as error:  # WeasyPrint cannot load Pango
            raise CommandError(f"WeasyPrint could not run: {error}") from error
        if not pdf.startswith(b"%PDF-"):
            raise CommandError("The sample did not render as a PDF.")
        Path(options["output"]).write_bytes(pdf)
        self.stdout.write(f"Wrote {options['output']} ({len(pdf)} bytes).")
