//! Photometric spoilers: JPEG round trip and uneven illumination with a colour cast.

use image::codecs::jpeg::JpegEncoder;
use image::{ImageFormat, RgbImage};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use crate::raster::stamp::hash01;
use crate::SynthError;

/// Encodes the page as a JPEG at `quality` (1..=100) and decodes it again.
pub(crate) fn jpeg_round_trip(image: &RgbImage, quality: u8) -> Result<RgbImage, SynthError> {
    let fail = |e: image::ImageError| SynthError::Jpeg {
        quality,
        message: e.to_string(),
    };
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, quality)
        .encode_image(image)
        .map_err(fail)?;
    let decoded = image::load_from_memory_with_format(&bytes, ImageFormat::Jpeg).map_err(fail)?;
    Ok(decoded.to_rgb8())
}

/// Multiplies the page by a light field: a linear fall-off in a random
/// direction, a vignette, and per-channel gains (warm or cool cast).
pub(crate) fn illuminate(image: &mut RgbImage, rng: &mut ChaCha8Rng) {
    let (w, h) = (image.width() as f32, image.height() as f32);
    let angle = rng.random_range(0.0..std::f32::consts::TAU);
    let (dx, dy) = (angle.cos(), angle.sin());
    let fall_off = rng.random_range(0.08..0.25f32);
    let vignette = rng.random_range(0.05..0.18f32);
    let brightness = rng.random_range(0.88..1.0f32);
    let gains: [f32; 3] = if rng.random_bool(0.5) {
        [
            1.0,
            rng.random_range(0.93..0.98),
            rng.random_range(0.82..0.92),
        ]
    } else {
        [
            rng.random_range(0.88..0.95),
            rng.random_range(0.95..0.99),
            1.0,
        ]
    };
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        let (nx, ny) = (2.0 * x as f32 / w - 1.0, 2.0 * y as f32 / h - 1.0);
        let linear = 1.0 - fall_off * (0.5 + 0.5 * (nx * dx + ny * dy) / std::f32::consts::SQRT_2);
        let light = brightness * linear * (1.0 - vignette * (nx * nx + ny * ny) / 2.0);
        for (channel, gain) in pixel.0.iter_mut().zip(gains) {
            *channel = (f32::from(*channel) * light * gain).clamp(0.0, 255.0) as u8;
        }
    }
}

/// Adds sensor noise of about `sigma` grey levels: a luminance part shared by
/// the channels plus a smaller colour part. Each value is the sum of three
/// hashed uniforms (close to Gaussian), far cheaper than a generator call
/// per channel on a 26-megabyte page.
pub(crate) fn sensor_noise(image: &mut RgbImage, sigma: f32, seed: u64) {
    // Sum of three uniforms on [-0.5, 0.5] has standard deviation 0.5.
    let gauss = |seed: u64, x: i32, y: i32| {
        hash01(seed, x, y) + hash01(seed ^ 0x1111, x, y) + hash01(seed ^ 0x2222, x, y) - 1.5
    };
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        let (x, y) = (x as i32, y as i32);
        let luma = 2.0 * sigma * gauss(seed, x, y);
        let chroma = 0.8 * sigma * (hash01(seed ^ 0x3333, x, y) - 0.5);
        for (k, channel) in pixel.0.iter_mut().enumerate() {
            let tint = if k == 1 { -chroma } else { chroma };
            *channel = (f32::from(*channel) + luma + tint).clamp(0.0, 255.0) as u8;
        }
    }
}
