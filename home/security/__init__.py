"""Headers and rules that keep script off the site's origin: the Content
Security Policy chosen per path, the other security headers, image-only media
serving and security.txt. What each protects is in docs/security.md."""
