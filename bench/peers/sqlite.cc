// Placeholder until the peer lands; replaced by its implementation.
