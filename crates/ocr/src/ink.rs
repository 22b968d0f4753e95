//! Stamp-ink suppression.
//!
//! Official stamps are printed in red, blue or violet ink, often over the
//! typed text, and signatures are often blue. The text itself is black or dark
//! grey. Mapping each strongly coloured pixel to its brightest channel turns
//! coloured ink nearly white while black text, and black text under a
//! translucent stamp, stays dark; grey pixels are left as they are.

use image::RgbImage;

/// Saturation (max - min channel, 0..=255) below which a pixel is kept grey.
const SATURATION_START: f32 = 40.0;
/// Saturation above which a pixel is fully replaced by its brightest channel.
const SATURATION_FULL: f32 = 100.0;

/// A grey copy of `page` with coloured ink lightened; same size.
pub fn suppress_coloured_ink(page: &RgbImage) -> RgbImage {
    let mut out = page.clone();
    for px in out.pixels_mut() {
        let [r, g, b] = px.0.map(f32::from);
        let max = r.max(g).max(b);
        let min = r.min(g).min(b);
        let luma = 0.299 * r + 0.587 * g + 0.114 * b;

        // Blend from luminance towards the brightest channel as saturation grows.
        let t =
            ((max - min - SATURATION_START) / (SATURATION_FULL - SATURATION_START)).clamp(0.0, 1.0);
        let v = (luma + (max - luma) * t).round().clamp(0.0, 255.0) as u8;
        px.0 = [v, v, v];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    fn one(rgb: [u8; 3]) -> u8 {
        suppress_coloured_ink(&RgbImage::from_pixel(1, 1, Rgb(rgb)))
            .get_pixel(0, 0)
            .0[0]
    }

    #[test]
    fn red_and_blue_ink_turn_light_while_black_stays_dark() {
        assert!(one([200, 40, 40]) >= 200, "red ink");
        assert!(one([40, 60, 190]) >= 190, "blue ink");
        assert!(one([20, 20, 20]) <= 20, "black text");
        // Black text under a translucent red stamp (multiplied): still dark.
        assert!(one([60, 10, 10]) <= 60);
    }

    #[test]
    fn grey_keeps_its_luminance() {
        assert_eq!(one([128, 128, 128]), 128);
        assert_eq!(one([255, 255, 255]), 255);
    }
}
