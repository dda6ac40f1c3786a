"""Numbers and quantities in Chinese business text: the pure layer under the claims component."""
