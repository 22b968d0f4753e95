//! Conversion of any decoded image to 8-bit RGB with alpha composited on
//! white.
//!
//! Bit-depth scaling and gray-to-RGB expansion are the `image` crate's
//! conversions; only compositing on white is written here, because `image`
//! has no "flatten onto a background" operation.

use image::{DynamicImage, RgbImage, RgbaImage};

/// 8-bit RGB pixels of `image`, transparent parts shown on white.
///
/// 16-bit and float samples are scaled to 0..=255 by `image` (so a 16-bit
/// white is 255, not 65535 truncated).
pub(crate) fn to_rgb_on_white(image: DynamicImage) -> RgbImage {
    if image.color().has_alpha() {
        composite_on_white(&image.into_rgba8(), false)
    } else {
        image.into_rgb8()
    }
}

/// Flatten RGBA onto white.
///
/// `premultiplied` says whether colour samples are already multiplied by
/// alpha (TIFF "associated alpha"); PNG, WebP and GIF use straight alpha.
pub(crate) fn composite_on_white(rgba: &RgbaImage, premultiplied: bool) -> RgbImage {
    let (width, height) = rgba.dimensions();
    let mut rgb = Vec::with_capacity(width as usize * height as usize * 3);
    for pixel in rgba.as_raw().chunks_exact(4) {
        let alpha = u32::from(pixel[3]);
        let background = 255 * (255 - alpha);
        for &sample in &pixel[..3] {
            let sample = u32::from(sample);
            let value = if premultiplied {
                (sample * 255 + background).min(255 * 255)
            } else {
                sample * alpha + background
            };
            // Round to nearest while dividing by 255.
            rgb.push(((value + 127) / 255) as u8);
        }
    }
    RgbImage::from_raw(width, height, rgb).unwrap_or_else(|| RgbImage::new(width, height))
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{GrayImage, ImageBuffer, LumaA, Rgba};

    #[test]
    fn transparent_becomes_white_and_half_alpha_blends() {
        let rgba =
            RgbaImage::from_raw(3, 1, vec![0, 0, 0, 0, 0, 0, 0, 255, 0, 100, 200, 128]).unwrap();
        let rgb = composite_on_white(&rgba, false);
        assert_eq!(rgb.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(rgb.get_pixel(1, 0).0, [0, 0, 0]);
        // 0 * 128/255 + 255 * 127/255 = 127; 100 -> 177; 200 -> 227.
        assert_eq!(rgb.get_pixel(2, 0).0, [127, 177, 227]);
    }

    #[test]
    fn premultiplied_adds_the_uncovered_white() {
        let rgba = RgbaImage::from_raw(1, 1, vec![50, 0, 128, 128]).unwrap();
        let rgb = composite_on_white(&rgba, true);
        assert_eq!(rgb.get_pixel(0, 0).0, [177, 127, 255]);
    }

    #[test]
    fn sixteen_bit_gray_alpha_scales_to_eight_bits() {
        let image: ImageBuffer<LumaA<u16>, Vec<u16>> =
            ImageBuffer::from_raw(2, 1, vec![65535, 65535, 0, 0]).unwrap();
        let rgb = to_rgb_on_white(DynamicImage::ImageLumaA16(image));
        assert_eq!(rgb.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(rgb.get_pixel(1, 0).0, [255, 255, 255]);
    }

    #[test]
    fn gray_expands_to_three_equal_channels() {
        let gray = GrayImage::from_raw(1, 1, vec![42]).unwrap();
        let rgb = to_rgb_on_white(DynamicImage::ImageLuma8(gray));
        assert_eq!(rgb.get_pixel(0, 0).0, [42, 42, 42]);
        let rgba: ImageBuffer<Rgba<u8>, Vec<u8>> =
            ImageBuffer::from_raw(1, 1, vec![10, 20, 30, 255]).unwrap();
        assert_eq!(
            to_rgb_on_white(DynamicImage::ImageRgba8(rgba))
                .get_pixel(0, 0)
                .0,
            [10, 20, 30]
        );
    }
}
