"""The negotiation text package: every document a delegation sends out, with a manifest of hashes."""
