"""What fills the window: home screen, tiles, section pages, downloads, pictures, error screen."""
