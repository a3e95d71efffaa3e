"""Documents over the window: the PDF viewer and the QR code overlay."""
