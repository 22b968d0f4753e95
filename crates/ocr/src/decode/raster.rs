//! Single-image formats decoded with the `image` crate: PNG, JPEG, WebP, GIF
//! and BMP.
//!
//! EXIF orientation is read from the decoder and applied here, once:
//! `DynamicImage::from_decoder` itself never rotates.

use std::io::Cursor;

use image::codecs::bmp::BmpDecoder;
use image::codecs::gif::GifDecoder;
use image::codecs::jpeg::JpegDecoder;
use image::codecs::png::PngDecoder;
use image::codecs::webp::WebPDecoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, RgbImage};

use crate::error::{OcrError, Result};
use crate::limits::Limits;
use crate::page::Page;

use super::budget;
use super::density::{self, Density};
use super::format::Format;
use super::pixels;
use super::resize;

/// Parse only the header of a single-image file, so that `Document::open`
/// rejects a damaged file early without decoding pixels.
pub(crate) fn probe(format: Format, bytes: &[u8]) -> Result<()> {
    let cursor = Cursor::new(bytes);
    let header = match format {
        Format::Png => PngDecoder::new(cursor).map(|d| d.dimensions()),
        Format::Jpeg => JpegDecoder::new(cursor).map(|d| d.dimensions()),
        Format::Webp => WebPDecoder::new(cursor).map(|d| d.dimensions()),
        Format::Gif => GifDecoder::new(cursor).map(|d| d.dimensions()),
        Format::Bmp => BmpDecoder::new(cursor).map(|d| d.dimensions()),
        Format::Tiff | Format::Pdf => return Ok(()),
    };
    match header {
        Ok(_) => Ok(()),
        // A header the decoder's default limits balk at is not damage: the
        // decode applies the caller's limits and names the size (on a 32-bit
        // target such as wasm a huge PNG trips the default limit here).
        Err(ImageError::Limits(_)) => Ok(()),
        Err(e) => Err(image_error(format, None, e)),
    }
}

/// Fails unless an end-of-image marker follows the last start-of-scan
/// marker. Inside entropy-coded data every 0xFF byte is followed by 0x00 or
/// a restart marker, so 0xFF 0xD9 there can only be the real end; an
/// embedded EXIF thumbnail's own markers come before the main scan.
fn check_jpeg_complete(bytes: &[u8]) -> Result<()> {
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    let complete = match last_scan {
        Some(start) => bytes[start..].windows(2).any(|w| w == [0xFF, 0xD9]),
        None => false,
    };
    if complete {
        Ok(())
    } else {
        Err(OcrError::Decode {
            format: "JPEG",
            page: Some(0),
            detail: format!(
                "the file is truncated: no end-of-image marker after the image data ({} bytes)",
                bytes.len()
            ),
        })
    }
}

/// Decode the one page of a single-image file.
pub(crate) fn decode(format: Format, bytes: &[u8], limits: &Limits) -> Result<Page> {
    let cursor = Cursor::new(bytes);
    let err = |e| image_error(format, Some(0), e);
    match format {
        Format::Png => {
            // The size first, from the header: on a 32-bit target (wasm) the
            // decoder's own buffer estimate overflows for a huge image and
            // would report a bare "memory limit" instead of the page's size.
            if let Some((width, height)) = png_size(bytes) {
                budget::check_source_size(format, 0, width, height, limits)?;
            }
            let decoder = PngDecoder::with_limits(cursor, budget::image_limits(limits));
            decode_with(
                decoder.map_err(err)?,
                format,
                density::png_density(bytes),
                limits,
            )
        }
        Format::Jpeg => {
            // The JPEG decoder fills a truncated scan with grey instead of
            // failing; a certificate cut short must not pass as read.
            check_jpeg_complete(bytes)?;
            let mut decoder = JpegDecoder::new(cursor).map_err(err)?;
            let exif = decoder.exif_metadata().ok().flatten();
            let density = density::jpeg_density(bytes, exif.as_deref());
            decode_with(decoder, format, density, limits)
        }
        Format::Webp => decode_with(WebPDecoder::new(cursor).map_err(err)?, format, None, limits),
        Format::Gif => decode_with(GifDecoder::new(cursor).map_err(err)?, format, None, limits),
        Format::Bmp => decode_with(BmpDecoder::new(cursor).map_err(err)?, format, None, limits),
        Format::Tiff | Format::Pdf => Err(OcrError::Unsupported(format!(
            "{format} is not a single-image format"
        ))),
    }
}

/// Width and height from a PNG's header (the IHDR chunk, which the format
/// puts first), or `None` when the header is not there.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let ihdr = bytes.get(8..24)?;
    if &ihdr[4..8] != b"IHDR" {
        return None;
    }
    let word = |at: usize| u32::from_be_bytes([ihdr[at], ihdr[at + 1], ihdr[at + 2], ihdr[at + 3]]);
    Some((word(8), word(12)))
}

/// Check the size, decode, flatten to RGB, fit the budget, orient.
fn decode_with(
    mut decoder: impl ImageDecoder,
    format: Format,
    density: Option<Density>,
    limits: &Limits,
) -> Result<Page> {
    let err = |e| image_error(format, Some(0), e);

    // Size from the header, before any pixel buffer exists.
    let (width, height) = decoder.dimensions();
    budget::check_source_size(format, 0, width, height, limits)?;
    decoder
        .set_limits(budget::image_limits(limits))
        .map_err(err)?;

    // Orientation is metadata: a damaged EXIF block only loses the rotation.
    let orientation = decoder.orientation().unwrap_or_else(|e| {
        log::warn!("{format}: ignoring unreadable EXIF orientation: {e}");
        Orientation::NoTransforms
    });

    // Decode, flatten onto white, resample, then rotate once.
    let image = DynamicImage::from_decoder(decoder).map_err(err)?;
    let rgb = pixels::to_rgb_on_white(image);
    let (rgb, dpi) = resize::fit(rgb, density, limits.max_page_pixels);
    Ok(Page {
        image: orient(rgb, orientation),
        dpi,
    })
}

/// Apply an EXIF orientation to RGB pixels.
pub(crate) fn orient(rgb: RgbImage, orientation: Orientation) -> RgbImage {
    if orientation == Orientation::NoTransforms {
        return rgb;
    }
    let mut image = DynamicImage::ImageRgb8(rgb);
    image.apply_orientation(orientation);
    image.into_rgb8()
}

/// Map an `image` error to the crate's error for `format`.
pub(crate) fn image_error(format: Format, page: Option<usize>, error: ImageError) -> OcrError {
    match error {
        ImageError::Unsupported(e) => OcrError::Unsupported(format!("{format}: {e}")),
        ImageError::Limits(e) => OcrError::Decode {
            format: format.name(),
            page,
            detail: format!("decoder limit reached: {e}"),
        },
        other => OcrError::Decode {
            format: format.name(),
            page,
            detail: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    #[test]
    fn a_png_declaring_too_many_pixels_is_a_limits_error_before_decoding() {
        let mut png = Vec::new();
        RgbImage::new(4, 3)
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        assert_eq!(png_size(&png), Some((4, 3)));
        assert_eq!(png_size(&png[..20]), None);

        // The header says 60000 x 60000 (its checksum left stale: the size
        // is refused before the decoder reads the chunk); no pixels follow.
        png[16..20].copy_from_slice(&60000u32.to_be_bytes());
        png[20..24].copy_from_slice(&60000u32.to_be_bytes());
        match decode(Format::Png, &png, &Limits::default()) {
            Err(OcrError::Limits {
                what, value, page, ..
            }) => {
                assert_eq!((what, value, page), ("pixels", 3_600_000_000, Some(0)));
            }
            other => panic!("expected a limits error, got {other:?}"),
        }
    }

    #[test]
    fn a_jpeg_cut_short_is_refused() {
        let mut jpeg = Vec::new();
        let image = RgbImage::from_pixel(64, 64, image::Rgb([200, 30, 30]));
        image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
            .encode_image(&image)
            .unwrap();
        assert!(check_jpeg_complete(&jpeg).is_ok());
        let cut = &jpeg[..jpeg.len() * 9 / 10];
        let err = check_jpeg_complete(cut).unwrap_err().to_string();
        assert!(err.contains("truncated"), "{err}");
        assert!(decode(Format::Jpeg, cut, &Limits::default()).is_err());
    }

    #[test]
    fn orient_rotates_dimensions_and_pixels() {
        let mut rgb = RgbImage::from_pixel(3, 2, Rgb([255, 255, 255]));
        rgb.put_pixel(0, 0, Rgb([255, 0, 0]));
        let rotated = orient(rgb, Orientation::Rotate90);
        assert_eq!(rotated.dimensions(), (2, 3));
        // Clockwise: the top-left corner goes to the top-right.
        assert_eq!(rotated.get_pixel(1, 0).0, [255, 0, 0]);
    }
}
