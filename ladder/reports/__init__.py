"""The network report: where partners stand, from invited assessments only."""
