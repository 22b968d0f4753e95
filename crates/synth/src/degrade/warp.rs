//! Bilinear resampling of an RGB page through a projective map.
//!
//! Written by hand because imageproc's generic `warp` (any pixel type, any
//! border mode) takes about three times as long on a full 300 dpi page; this
//! one reads the raw RGB bytes directly and is the same bilinear filter.

use image::{Rgb, RgbImage};
use imageproc::geometric_transformations::Projection;

/// The page seen through `projection` (input → output positions), sampled
/// bilinearly; output pixels whose source falls outside the page get `fill`.
pub(crate) fn warp(image: &RgbImage, projection: &Projection, fill: Rgb<u8>) -> RgbImage {
    let inverse = projection.invert();
    let (w, h) = image.dimensions();
    let source: &[u8] = image;
    let stride = w as usize * 3;
    let mut out = RgbImage::new(w, h);
    let target: &mut [u8] = &mut out;
    for (y, row) in target.chunks_exact_mut(stride).enumerate() {
        for (x, pixel) in row.chunks_exact_mut(3).enumerate() {
            // Source position of this pixel's centre.
            let (sx, sy) = inverse * (x as f32 + 0.5, y as f32 + 0.5);
            let (fx, fy) = (sx - 0.5, sy - 0.5);
            if !(fx >= 0.0 && fy >= 0.0 && fx <= (w - 1) as f32 && fy <= (h - 1) as f32) {
                pixel.copy_from_slice(&fill.0);
                continue;
            }

            // Blend the four neighbours.
            let (x0, y0) = (fx as usize, fy as usize);
            let (x1, y1) = ((x0 + 1).min(w as usize - 1), (y0 + 1).min(h as usize - 1));
            let (ax, ay) = (fx - x0 as f32, fy - y0 as f32);
            let at = |xx: usize, yy: usize| yy * stride + xx * 3;
            let (p00, p10, p01, p11) = (at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1));
            for c in 0..3 {
                let top = f32::from(source[p00 + c]) * (1.0 - ax) + f32::from(source[p10 + c]) * ax;
                let bottom =
                    f32::from(source[p01 + c]) * (1.0 - ax) + f32::from(source[p11 + c]) * ax;
                pixel[c] = (top * (1.0 - ay) + bottom * ay + 0.5) as u8;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_and_shift() {
        let image = RgbImage::from_fn(4, 3, |x, y| Rgb([(10 * x + y) as u8, 0, 200]));
        let same = warp(&image, &Projection::translate(0.0, 0.0), Rgb([1, 2, 3]));
        assert!(same == image);
        let shifted = warp(&image, &Projection::translate(1.0, 0.0), Rgb([1, 2, 3]));
        assert_eq!(shifted.get_pixel(0, 0).0, [1, 2, 3]);
        assert_eq!(shifted.get_pixel(2, 1).0, image.get_pixel(1, 1).0);
    }
}
