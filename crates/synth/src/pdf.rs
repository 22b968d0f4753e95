pub fn write(_pages: &[crate::RenderedPage]) -> Vec<u8> {
    Vec::new()
}
