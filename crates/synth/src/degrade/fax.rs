//! Fax transmission: fine-mode resolution (204 × 196 dpi), a hard black and
//! white threshold with ragged edges, speckle and dropouts, then blown back
//! up to the page size with square pixels.

use image::imageops::FilterType;
use image::{GrayImage, Luma, Rgb, RgbImage};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use crate::raster::stamp::hash01;

/// Horizontal fax resolution in dpi.
const FAX_DPI_X: f32 = 204.0;
/// Vertical fax resolution in dpi (fine mode).
const FAX_DPI_Y: f32 = 196.0;

/// The page as a fax machine prints it.
pub(crate) fn fax(image: &RgbImage, dpi: f32, rng: &mut ChaCha8Rng) -> RgbImage {
    // Grey at fax resolution (never upsampled).
    let (w, h) = image.dimensions();
    let gray = image::imageops::grayscale(image);
    let fw = ((w as f32 * (FAX_DPI_X / dpi).min(1.0)).round() as u32).max(1);
    let fh = ((h as f32 * (FAX_DPI_Y / dpi).min(1.0)).round() as u32).max(1);
    let small = image::imageops::resize(&gray, fw, fh, FilterType::Triangle);

    // Threshold with jitter so edges come out ragged; speckle and dropouts.
    let threshold = rng.random_range(112.0..142.0f32);
    let jitter = rng.random_range(10.0..22.0f32);
    let speckle = rng.random_range(0.0003..0.0012f32);
    let dropout = rng.random_range(0.005..0.02f32);
    let seed: u64 = rng.random();
    let mut bw = GrayImage::new(fw, fh);
    for (x, y, pixel) in small.enumerate_pixels() {
        let noise = (hash01(seed, x as i32, y as i32) - 0.5) * 2.0 * jitter;
        let mut black = f32::from(pixel.0[0]) + noise < threshold;
        let roll = hash01(seed ^ 0xA5A5, x as i32, y as i32);
        if black && roll < dropout {
            black = false;
        } else if !black && roll > 1.0 - speckle {
            black = true;
        }
        bw.put_pixel(x, y, Luma([if black { 0 } else { 255 }]));
    }

    // A streak or two along the scan direction.
    for _ in 0..rng.random_range(0..3) {
        let y = rng.random_range(0..fh);
        let start = rng.random_range(0..fw);
        let length = rng.random_range(fw / 8..fw / 2 + 2);
        for x in start..(start + length).min(fw) {
            if hash01(seed ^ 0x5A5A, x as i32, y as i32) < 0.7 {
                bw.put_pixel(x, y, Luma([0]));
            }
        }
    }

    // Back to the page size with hard pixel edges.
    let big = image::imageops::resize(&bw, w, h, FilterType::Nearest);
    RgbImage::from_fn(w, h, |x, y| {
        let v = big.get_pixel(x, y).0[0];
        Rgb([v, v, v])
    })
}
