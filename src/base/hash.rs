//! Hashers for small keys: node ids and short attribute or class strings,
//! where SipHash costs more than the lookups it guards.

/// A hasher for [`NodeId`] keys and short attribute values: ids are small
/// distinct integers, so a multiplicative hash is enough and much cheaper
/// than SipHash. Strings are hashed eight bytes at a time.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl IdHasher {
    fn mix(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let w = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
            self.mix(w);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let w = rest
                .iter()
                .rev()
                .fold(0u64, |w, &b| (w << 8) | u64::from(b));
            self.mix(w);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}
