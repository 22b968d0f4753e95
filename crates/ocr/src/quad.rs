//! Four-corner boxes in page pixels.

/// A quadrilateral: four `[x, y]` corners in pixels, clockwise from the
/// top-left corner of the text (in its reading direction).
pub type Quad = [[f32; 2]; 4];

/// The axis-aligned bounds of a quad: `(min_x, min_y, max_x, max_y)` in pixels.
pub fn bounds(q: &Quad) -> (f32, f32, f32, f32) {
    let mut b = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for [x, y] in q {
        b.0 = b.0.min(*x);
        b.1 = b.1.min(*y);
        b.2 = b.2.max(*x);
        b.3 = b.3.max(*y);
    }
    b
}

/// Applies `f` to every corner.
pub fn map(q: &Quad, f: impl Fn(f32, f32) -> (f32, f32)) -> Quad {
    q.map(|[x, y]| {
        let (u, v) = f(x, y);
        [u, v]
    })
}
