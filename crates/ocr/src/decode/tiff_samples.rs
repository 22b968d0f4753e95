//! TIFF samples, as the `tiff` crate returns them, to 8-bit RGB on white.
//!
//! `tiff` hands back raw samples in the file's own layout (packed 1/2/4-bit
//! gray, 16-bit words, separate planes, CMYK, YCbCr, extra samples) and the
//! `image` crate has no public conversion for most of these, so the few
//! colour formulas are written here. Gray and RGB 8-bit take the `image`
//! conversions.

use image::{DynamicImage, GrayImage, RgbImage, RgbaImage};
use tiff::decoder::{BufferLayoutPreference, DecodingResult};
use tiff::ColorType;

use super::pixels;

/// What the samples mean, from the page's tags.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Samples per pixel, including extra samples (alpha or unspecified).
    pub samples_per_pixel: usize,
    /// Colour type reported by `tiff`.
    pub color: ColorType,
    /// Whether the first extra sample is alpha (TIFF ExtraSamples 1 or 2).
    pub extra_alpha: bool,
    /// Whether that alpha is associated (colour premultiplied by alpha).
    pub premultiplied: bool,
}

/// Convert decoded samples to RGB; `Err` carries the reason for a message.
pub(crate) fn to_rgb(
    result: DecodingResult,
    layout: &BufferLayoutPreference,
    shape: &Shape,
) -> Result<RgbImage, String> {
    // Packed gray below 8 bits keeps its row padding: unpack it first.
    if let ColorType::Gray(bits @ (1 | 2 | 4)) = shape.color {
        let DecodingResult::U8(packed) = result else {
            return Err(format!("unexpected sample buffer for {bits}-bit gray"));
        };
        let row_stride = layout.row_stride.map_or(0, |s| s.get());
        let gray = unpack_gray(&packed, bits, row_stride, shape.width, shape.height)?;
        return Ok(DynamicImage::ImageLuma8(gray).into_rgb8());
    }

    // Everything else: 8-bit samples, pixel-interleaved.
    let samples = to_eight_bit(result)?;
    let samples = interleave(samples, layout, shape)?;
    let spp = shape.samples_per_pixel;
    let expected = sample_count(shape)?;
    let samples = samples
        .get(..expected)
        .ok_or_else(|| format!("{} samples decoded, {expected} expected", samples.len()))?;

    match shape.color {
        ColorType::Gray(8 | 16)
        | ColorType::Multiband {
            bit_depth: 8 | 16, ..
        } => Ok(gray_to_rgb(samples, shape)),
        ColorType::RGB(8 | 16) | ColorType::RGBA(8 | 16) if spp >= 3 => {
            let alpha = matches!(shape.color, ColorType::RGBA(_)) && spp >= 4;
            Ok(map_pixels(samples, shape, alpha.then_some(3), |p| {
                [p[0], p[1], p[2]]
            }))
        }
        ColorType::CMYK(8 | 16) | ColorType::CMYKA(8 | 16) if spp >= 4 => {
            let alpha = matches!(shape.color, ColorType::CMYKA(_)) && spp >= 5;
            Ok(map_pixels(samples, shape, alpha.then_some(4), cmyk_to_rgb))
        }
        ColorType::YCbCr(8) if spp >= 3 => Ok(map_pixels(samples, shape, None, ycbcr_to_rgb)),
        other => Err(format!("{other:?} samples are not supported")),
    }
}

/// Samples in the whole page (`width * height * samples_per_pixel`), or an
/// error when that does not fit in memory addresses.
fn sample_count(shape: &Shape) -> Result<usize, String> {
    (shape.width as usize)
        .checked_mul(shape.height as usize)
        .and_then(|pixels| pixels.checked_mul(shape.samples_per_pixel))
        .ok_or_else(|| "the sample count overflows".to_string())
}

/// 16-bit samples scaled to 8 bits with rounding; 8-bit kept.
fn to_eight_bit(result: DecodingResult) -> Result<Vec<u8>, String> {
    match result {
        DecodingResult::U8(v) => Ok(v),
        DecodingResult::U16(v) => Ok(v.iter().map(|&s| scale16(s)).collect()),
        _ => Err("only 8-bit and 16-bit integer samples are supported".to_string()),
    }
}

/// 0..=65535 to 0..=255, rounding to nearest.
fn scale16(sample: u16) -> u8 {
    ((u32::from(sample) * 255 + 32767) / 65535) as u8
}

/// Planar files store each sample in its own plane: interleave them.
fn interleave(
    samples: Vec<u8>,
    layout: &BufferLayoutPreference,
    shape: &Shape,
) -> Result<Vec<u8>, String> {
    if layout.planes <= 1 {
        return Ok(samples);
    }
    let spp = shape.samples_per_pixel;
    if layout.planes != spp {
        return Err(format!(
            "{} planes for {spp} samples per pixel",
            layout.planes
        ));
    }
    let count = shape.width as usize * shape.height as usize;
    let expected = sample_count(shape)?;
    if samples.len() < expected {
        return Err(format!(
            "{} planar samples decoded, {expected} expected",
            samples.len()
        ));
    }
    let mut out = vec![0u8; expected];
    for (plane_index, plane) in samples.chunks_exact(count).take(spp).enumerate() {
        for (pixel, &sample) in out.chunks_exact_mut(spp).zip(plane) {
            pixel[plane_index] = sample;
        }
    }
    Ok(out)
}

/// Unpack MSB-first 1/2/4-bit gray rows and scale to 0..=255 (1-bit white
/// becomes 255).
pub(crate) fn unpack_gray(
    packed: &[u8],
    bits: u8,
    row_stride: usize,
    width: u32,
    height: u32,
) -> Result<GrayImage, String> {
    let max = (1u16 << bits) - 1;
    let gray = unpack(packed, bits, row_stride, width, height)?
        .into_iter()
        .map(|v| (u16::from(v) * 255 / max) as u8)
        .collect();
    GrayImage::from_raw(width, height, gray).ok_or_else(|| "gray buffer size".to_string())
}

/// Raw MSB-first 1/2/4-bit values, one byte per pixel, rows of `row_stride`
/// bytes (0: no padding beyond the last byte).
pub(crate) fn unpack(
    packed: &[u8],
    bits: u8,
    row_stride: usize,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, String> {
    let (w, h, bits) = (width as usize, height as usize, usize::from(bits));
    let stride = if row_stride == 0 {
        (w * bits).div_ceil(8)
    } else {
        row_stride
    };
    let fits = stride.checked_mul(8).is_some_and(|b| b >= w * bits)
        && stride
            .checked_mul(h)
            .is_some_and(|total| packed.len() >= total);
    if !fits {
        return Err(format!(
            "{} packed bytes for {w} x {h} at {bits} bits",
            packed.len()
        ));
    }
    let mask = ((1u16 << bits) - 1) as u8;
    let mut values = Vec::with_capacity(w * h);
    for row in packed.chunks_exact(stride).take(h) {
        for x in 0..w {
            let bit = x * bits;
            let shift = 8 - bits - bit % 8;
            values.push((row[bit / 8] >> shift) & mask);
        }
    }
    Ok(values)
}

/// Gray with optional extra samples: sample 0 is gray, sample 1 may be alpha.
fn gray_to_rgb(samples: &[u8], shape: &Shape) -> RgbImage {
    let spp = shape.samples_per_pixel;
    if spp == 1 {
        let gray = GrayImage::from_raw(shape.width, shape.height, samples.to_vec());
        return gray.map_or_else(
            || RgbImage::new(shape.width, shape.height),
            |g| DynamicImage::ImageLuma8(g).into_rgb8(),
        );
    }
    let alpha = (shape.extra_alpha && spp >= 2).then_some(1);
    map_pixels(samples, shape, alpha, |p| [p[0], p[0], p[0]])
}

/// Build RGB from interleaved pixels with `colour`, compositing an alpha
/// sample (at index `alpha`) on white.
fn map_pixels(
    samples: &[u8],
    shape: &Shape,
    alpha: Option<usize>,
    colour: impl Fn(&[u8]) -> [u8; 3],
) -> RgbImage {
    let spp = shape.samples_per_pixel;
    let (width, height) = (shape.width, shape.height);
    match alpha {
        None => {
            let mut rgb = Vec::with_capacity(samples.len() / spp * 3);
            for pixel in samples.chunks_exact(spp) {
                rgb.extend_from_slice(&colour(pixel));
            }
            RgbImage::from_raw(width, height, rgb).unwrap_or_else(|| RgbImage::new(width, height))
        }
        Some(a) => {
            let mut rgba = Vec::with_capacity(samples.len() / spp * 4);
            for pixel in samples.chunks_exact(spp) {
                rgba.extend_from_slice(&colour(pixel));
                rgba.push(pixel[a]);
            }
            let rgba = RgbaImage::from_raw(width, height, rgba)
                .unwrap_or_else(|| RgbaImage::new(width, height));
            pixels::composite_on_white(&rgba, shape.premultiplied)
        }
    }
}

/// TIFF CMYK (0 = no ink) to RGB, without a colour profile.
fn cmyk_to_rgb(p: &[u8]) -> [u8; 3] {
    let k = 255 - u32::from(p[3]);
    let channel = |ink: u8| (((255 - u32::from(ink)) * k + 127) / 255) as u8;
    [channel(p[0]), channel(p[1]), channel(p[2])]
}

/// Full-range YCbCr (ITU-R BT.601, as in JPEG) to RGB.
fn ycbcr_to_rgb(p: &[u8]) -> [u8; 3] {
    let y = f32::from(p[0]);
    let cb = f32::from(p[1]) - 128.0;
    let cr = f32::from(p[2]) - 128.0;
    let clamp = |v: f32| v.round().clamp(0.0, 255.0) as u8;
    [
        clamp(y + 1.402 * cr),
        clamp(y - 0.344_136 * cb - 0.714_136 * cr),
        clamp(y + 1.772 * cb),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacks_one_two_and_four_bits_to_full_range() {
        // 1-bit: 1010_0000 with width 3 -> 255, 0, 255.
        let one = unpack_gray(&[0b1010_0000], 1, 1, 3, 1).unwrap();
        assert_eq!(one.as_raw(), &[255, 0, 255]);
        // 2-bit: 11 10 01 00 -> 255, 170, 85, 0.
        let two = unpack_gray(&[0b1110_0100], 2, 1, 4, 1).unwrap();
        assert_eq!(two.as_raw(), &[255, 170, 85, 0]);
        // 4-bit, two rows of one padded byte each.
        let four = unpack_gray(&[0xF0, 0x80], 4, 1, 1, 2).unwrap();
        assert_eq!(four.as_raw(), &[255, 136]);
        assert!(unpack_gray(&[0xFF], 1, 1, 9, 1).is_err());
    }

    #[test]
    fn colour_formulas() {
        assert_eq!(cmyk_to_rgb(&[0, 0, 0, 0]), [255, 255, 255]);
        assert_eq!(cmyk_to_rgb(&[0, 0, 0, 255]), [0, 0, 0]);
        assert_eq!(cmyk_to_rgb(&[255, 0, 0, 0]), [0, 255, 255]);
        assert_eq!(ycbcr_to_rgb(&[128, 128, 128]), [128, 128, 128]);
        assert_eq!(ycbcr_to_rgb(&[76, 85, 255]), [254, 0, 0]);
        assert_eq!(scale16(65535), 255);
        assert_eq!(scale16(257), 1);
    }
}
