"""In-portal notifications (with an e-mail copy) that other areas send to members."""
