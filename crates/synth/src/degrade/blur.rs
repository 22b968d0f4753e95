//! Almost-Gaussian blur of an RGB page by three box passes (Kovesi's
//! method) with running sums, so the cost does not grow with sigma.
//!
//! Written by hand because `image::imageops::blur` and `fast_blur` take about
//! half a second on a 300 dpi page; this takes a fraction of that.

use image::RgbImage;

/// Number of box passes; three give a close approximation of a Gaussian.
const PASSES: usize = 3;

/// Radii of the box passes approximating a Gaussian of `sigma` pixels.
fn box_radii(sigma: f32) -> [usize; PASSES] {
    let n = PASSES as f32;
    let ideal = (12.0 * sigma * sigma / n + 1.0).sqrt();
    let mut lower = ideal.floor() as i64;
    if lower % 2 == 0 {
        lower -= 1;
    }
    let lower = lower.max(1);
    let upper = lower + 2;
    let l = lower as f32;
    let m = ((12.0 * sigma * sigma - n * l * l - 4.0 * n * l - 3.0 * n) / (-4.0 * l - 4.0)).round();
    let mut radii = [0; PASSES];
    for (i, radius) in radii.iter_mut().enumerate() {
        let width = if (i as f32) < m { lower } else { upper };
        *radius = ((width - 1) / 2) as usize;
    }
    radii
}

/// The page blurred with a Gaussian of about `sigma` pixels (no change for
/// `sigma` ≤ 0 or NaN).
pub(crate) fn blur(image: &RgbImage, sigma: f32) -> RgbImage {
    let (w, h) = (image.width() as usize, image.height() as usize);
    if sigma.is_nan() || sigma <= 0.0 || w == 0 || h == 0 {
        return image.clone();
    }
    let mut a = image.as_raw().clone();
    let mut b = vec![0u8; a.len()];
    for radius in box_radii(sigma) {
        if radius == 0 {
            continue;
        }
        horizontal(&a, &mut b, w, radius);
        vertical(&b, &mut a, w, h, radius);
    }
    RgbImage::from_raw(w as u32, h as u32, a).unwrap_or_else(|| image.clone())
}

/// Division by the box width as a multiply and shift (16-bit fixed point).
fn reciprocal(radius: usize) -> u32 {
    (65536 + radius as u32) / (2 * radius as u32 + 1)
}

/// Box filter of `radius` along each row (edges repeat the border pixel).
fn horizontal(source: &[u8], target: &mut [u8], w: usize, radius: usize) {
    let inverse = reciprocal(radius);
    let stride = w * 3;
    let r = radius as i64;
    for (row, out) in source
        .chunks_exact(stride)
        .zip(target.chunks_exact_mut(stride))
    {
        let at = |x: i64, c: usize| u32::from(row[x.clamp(0, w as i64 - 1) as usize * 3 + c]);
        let mut sums = [0u32; 3];
        for (c, sum) in sums.iter_mut().enumerate() {
            *sum = (-r..=r).map(|x| at(x, c)).sum();
        }
        for x in 0..w as i64 {
            let i = x as usize * 3;
            for c in 0..3 {
                out[i + c] = ((sums[c] * inverse + 32768) >> 16).min(255) as u8;
                sums[c] = sums[c] + at(x + r + 1, c) - at(x - r, c);
            }
        }
    }
}

/// Box filter of `radius` down each column, row by row with running sums.
fn vertical(source: &[u8], target: &mut [u8], w: usize, h: usize, radius: usize) {
    let inverse = reciprocal(radius);
    let stride = w * 3;
    let row = |y: i64| &source[y.clamp(0, h as i64 - 1) as usize * stride..][..stride];
    let mut sums = vec![0u32; stride];
    for y in -(radius as i64)..=radius as i64 {
        for (sum, v) in sums.iter_mut().zip(row(y)) {
            *sum += u32::from(*v);
        }
    }
    for (y, out) in target.chunks_exact_mut(stride).enumerate() {
        let (enter, leave) = (
            row(y as i64 + radius as i64 + 1),
            row(y as i64 - radius as i64),
        );
        for (((o, sum), e), l) in out.iter_mut().zip(sums.iter_mut()).zip(enter).zip(leave) {
            *o = ((*sum * inverse + 32768) >> 16).min(255) as u8;
            *sum = *sum + u32::from(*e) - u32::from(*l);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    #[test]
    fn radii_grow_with_sigma() {
        assert_eq!(box_radii(0.3), [0, 0, 0]);
        assert!(box_radii(1.5).iter().all(|r| *r >= 1));
        assert!(box_radii(4.0).iter().sum::<usize>() > box_radii(1.5).iter().sum::<usize>());
    }

    #[test]
    fn blur_spreads_a_dot_and_keeps_flat_areas() {
        let mut image = RgbImage::from_pixel(21, 21, Rgb([200, 200, 200]));
        image.put_pixel(10, 10, Rgb([0, 0, 0]));
        let blurred = blur(&image, 1.5);
        let centre = blurred.get_pixel(10, 10).0[0];
        let near = blurred.get_pixel(11, 10).0[0];
        assert!(centre > 100 && centre < 200, "centre {centre}");
        assert!(near < 200 && near >= centre, "near {near}");
        assert_eq!(blurred.get_pixel(0, 0).0, [200, 200, 200]);
        assert!(blur(&image, 0.0) == image);
    }
}
