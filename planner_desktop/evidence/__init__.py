"""Photos as evidence: attaching them, reading their QR codes and what they prove."""
