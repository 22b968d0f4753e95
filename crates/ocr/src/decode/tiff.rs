//! Multi-page TIFF: every full-resolution directory is a page.
//!
//! Pages are found by walking the directory chain once at open (reduced-size
//! previews are skipped); each page is decoded on request from its own
//! `tiff` decoder, so one damaged page does not hide the others. Fax pages go
//! to [`super::fax`], palette pages to [`super::tiff_palette`], the rest to
//! [`super::tiff_samples`].

use std::io::Cursor;

use image::metadata::Orientation;
use image::{DynamicImage, RgbImage};
use tiff::decoder::ifd::Value;
use tiff::decoder::{Decoder, DecodingResult};
use tiff::tags::Tag;
use tiff::{TiffError, TiffFormatError};

use crate::error::{OcrError, Result};
use crate::limits::Limits;
use crate::page::Page;

use super::budget;
use super::density::{Density, Unit};
use super::fax::{self, FaxLayout};
use super::format::Format;
use super::raster;
use super::resize;
use super::tiff_ifd;
use super::tiff_palette;
use super::tiff_samples::{self, Shape};

/// A TIFF decoder reading from the input bytes.
type TiffDecoder<'a> = Decoder<Cursor<&'a [u8]>>;

/// Directories walked per allowed page before giving up: files carry a
/// preview or two per page, not hundreds.
const DIRECTORIES_PER_PAGE: usize = 4;

/// Largest tag value read (strip tables, colour maps), in bytes.
const MAX_TAG_BYTES: usize = 16 * 1024 * 1024;

/// Tag numbers the `tiff` crate has no name for.
const T4_OPTIONS: u16 = 292;
const SUBFILE_TYPE: u16 = 255;

/// One page found in the directory chain.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TiffPage {
    /// A readable directory, by its position in the chain (0-based).
    Directory(usize),
    /// A directory that could not be read; decoding the page reports this.
    Broken(String),
}

/// Walk the directory chain and list the pages, checking `max_pages`.
pub(crate) fn scan(bytes: &[u8], limits: &Limits) -> Result<Vec<TiffPage>> {
    let max_directories = limits
        .max_pages
        .saturating_mul(DIRECTORIES_PER_PAGE)
        .saturating_add(DIRECTORIES_PER_PAGE);

    // Sizes `tiff` would overflow on, checked on the raw directories first.
    tiff_ifd::check_strip_tables(bytes, max_directories).map_err(|detail| OcrError::Decode {
        format: Format::Tiff.name(),
        page: None,
        detail,
    })?;
    let mut decoder = open_decoder(bytes, limits).map_err(|e| tiff_error(None, e))?;

    let mut pages = Vec::new();
    let mut directory = 0;
    loop {
        // Keep full-resolution directories only.
        if !is_preview(&mut decoder) {
            pages.push(TiffPage::Directory(directory));
        }
        budget::check_page_count(pages.len(), limits)?;
        if !decoder.more_images() {
            break;
        }

        // Step to the next directory; a chain that runs off the file or
        // loops ends here, a directory that cannot be parsed is a page error.
        directory += 1;
        if directory >= max_directories {
            return Err(OcrError::Limits {
                page: None,
                what: "TIFF directories",
                value: directory as u64 + 1,
                limit: max_directories as u64,
            });
        }
        match decoder.next_image() {
            Ok(()) => {}
            Err(TiffError::IoError(e)) => {
                log::warn!("TIFF: directory chain ends early at entry {directory}: {e}");
                break;
            }
            Err(TiffError::FormatError(TiffFormatError::CycleInOffsets)) => {
                log::warn!("TIFF: directory chain loops back at entry {directory}");
                break;
            }
            Err(e) => {
                pages.push(TiffPage::Broken(e.to_string()));
                break;
            }
        }
    }
    budget::check_page_count(pages.len(), limits)?;

    // A file of previews only: its first image is the page.
    if pages.is_empty() {
        pages.push(TiffPage::Directory(0));
    }
    Ok(pages)
}

/// Decode page `page` (0-based) stored in directory `directory`.
pub(crate) fn decode_page(
    bytes: &[u8],
    directory: usize,
    page: usize,
    limits: &Limits,
) -> Result<Page> {
    let err = |e| tiff_error(Some(page), e);
    let mut decoder = open_decoder(bytes, limits).map_err(err)?;
    decoder.seek_to_image(directory).map_err(err)?;

    // Size from the directory, before any pixel buffer exists.
    let (width, height) = decoder.dimensions().map_err(err)?;
    budget::check_source_size(Format::Tiff, page, width, height, limits)?;

    // Metadata: resolution and orientation.
    let density = read_density(&mut decoder);
    let orientation = tag_u32(&mut decoder, Tag::Orientation)
        .and_then(|v| Orientation::from_exif(u8::try_from(v).ok()?))
        .unwrap_or(Orientation::NoTransforms);

    // Pixels, by kind of page.
    let compression = tag_u32(&mut decoder, Tag::Compression).unwrap_or(1);
    let photometric = tag_u32(&mut decoder, Tag::PhotometricInterpretation);
    let rgb = match u16::try_from(compression).ok() {
        Some(c) if fax::is_fax(c) => decode_fax(bytes, &mut decoder, c, page)?,
        _ if photometric == Some(u32::from(tiff_palette::PALETTE)) => {
            decode_palette(bytes, &mut decoder, directory, page, limits)?
        }
        _ => decode_samples(&mut decoder, page)?,
    };

    // Square pixels, page budget, orientation.
    let (rgb, dpi) = resize::fit(rgb, density, limits.max_page_pixels);
    Ok(Page {
        image: raster::orient(rgb, orientation),
        dpi,
    })
}

/// A decoder over `bytes` with allocation caps derived from `limits`.
fn open_decoder<'a>(bytes: &'a [u8], limits: &Limits) -> tiff::TiffResult<TiffDecoder<'a>> {
    let cap = usize::try_from(budget::max_alloc_bytes(limits)).unwrap_or(usize::MAX);
    let mut tiff_limits = tiff::decoder::Limits::default();
    tiff_limits.decoding_buffer_size = cap;
    tiff_limits.intermediate_buffer_size = cap;
    tiff_limits.ifd_value_size = MAX_TAG_BYTES;
    Ok(Decoder::new(Cursor::new(bytes))?.with_limits(tiff_limits))
}

/// Whether the current directory is a reduced-size preview of another.
fn is_preview(decoder: &mut TiffDecoder<'_>) -> bool {
    let new_subfile = tag_u32(decoder, Tag::NewSubfileType).unwrap_or(0);
    let old_subfile = tag_u32(decoder, Tag::from_u16_exhaustive(SUBFILE_TYPE)).unwrap_or(1);
    new_subfile & 1 != 0 || old_subfile == 2
}

/// Bilevel fax page.
fn decode_fax(
    bytes: &[u8],
    decoder: &mut TiffDecoder<'_>,
    compression: u16,
    page: usize,
) -> Result<RgbImage> {
    let coding = match compression {
        2 => "CCITT modified Huffman (RLE)",
        3 => "CCITT Group 3 (T.4)",
        _ => "CCITT Group 4 (T.6)",
    };
    let fail = |detail: String| OcrError::Decode {
        format: Format::Tiff.name(),
        page: Some(page),
        detail: format!("{coding} page: {detail}"),
    };

    // The strip table and coding options.
    if decoder.find_tag(Tag::TileOffsets).ok().flatten().is_some() {
        return Err(OcrError::Unsupported(format!(
            "TIFF page {}: tiled {coding}",
            page + 1
        )));
    }
    let (width, height) = decoder.dimensions().map_err(|e| fail(e.to_string()))?;
    let layout = FaxLayout {
        compression,
        width,
        height,
        rows_per_strip: tag_u32(decoder, Tag::RowsPerStrip).unwrap_or(height),
        strip_offsets: decoder
            .get_tag_u64_vec(Tag::StripOffsets)
            .map_err(|e| fail(e.to_string()))?,
        strip_byte_counts: decoder
            .get_tag_u64_vec(Tag::StripByteCounts)
            .map_err(|e| fail(e.to_string()))?,
        t4_options: tag_u32(decoder, Tag::from_u16_exhaustive(T4_OPTIONS)).unwrap_or(0),
        lsb_first: tag_u32(decoder, Tag::FillOrder) == Some(2),
        black_is_zero: tag_u32(decoder, Tag::PhotometricInterpretation) == Some(1),
    };

    // Runs to gray, gray to RGB.
    let gray = fax::decode(bytes, &layout).map_err(fail)?;
    Ok(DynamicImage::ImageLuma8(gray).into_rgb8())
}

/// Palette page: indices decoded from a relabelled copy, coloured here.
fn decode_palette(
    bytes: &[u8],
    decoder: &mut TiffDecoder<'_>,
    directory: usize,
    page: usize,
    limits: &Limits,
) -> Result<RgbImage> {
    let fail = |detail: String| OcrError::Decode {
        format: Format::Tiff.name(),
        page: Some(page),
        detail: format!("palette page: {detail}"),
    };

    // Index depth and colour map from the original directory.
    let bits = tag_u32(decoder, Tag::BitsPerSample).unwrap_or(1);
    let samples = tag_u32(decoder, Tag::SamplesPerPixel).unwrap_or(1);
    let bits = match (u8::try_from(bits), samples) {
        (Ok(b @ (1 | 2 | 4 | 8 | 16)), 1) => b,
        _ => return Err(fail(format!("{samples} samples of {bits} bits per pixel"))),
    };
    let color_map = decoder
        .get_tag(Tag::ColorMap)
        .map_err(|e| fail(e.to_string()))?;
    let palette = tiff_palette::palette(color_map, bits).map_err(fail)?;

    // Decode the indices from a copy labelled gray.
    let pointer = decoder
        .ifd_pointer()
        .ok_or_else(|| fail("no directory".to_string()))?;
    let copy = tiff_palette::relabel_as_gray(bytes, pointer, decoder.byte_order())
        .ok_or_else(|| fail("the directory entry cannot be rewritten".to_string()))?;
    let mut gray = open_decoder(&copy, limits).map_err(|e| fail(e.to_string()))?;
    gray.seek_to_image(directory)
        .map_err(|e| fail(e.to_string()))?;
    let mut result = DecodingResult::U8(Vec::new());
    let layout = gray
        .read_image_to_buffer(&mut result)
        .map_err(|e| tiff_error(Some(page), e))?;
    let (width, height) = gray.dimensions().map_err(|e| fail(e.to_string()))?;

    // Colour the indices.
    let count = width as usize * height as usize;
    let rgb = match (result, bits) {
        (DecodingResult::U8(packed), 1 | 2 | 4) => {
            let stride = layout.row_stride.map_or(0, |s| s.get());
            let indices =
                tiff_samples::unpack(&packed, bits, stride, width, height).map_err(fail)?;
            tiff_palette::apply(
                indices.into_iter().map(usize::from),
                &palette,
                width,
                height,
            )
        }
        (DecodingResult::U8(indices), 8) if indices.len() >= count => tiff_palette::apply(
            indices.into_iter().take(count).map(usize::from),
            &palette,
            width,
            height,
        ),
        (DecodingResult::U16(indices), 16) if indices.len() >= count => tiff_palette::apply(
            indices.into_iter().take(count).map(usize::from),
            &palette,
            width,
            height,
        ),
        _ => return Err(fail("unexpected index buffer".to_string())),
    };
    Ok(rgb)
}

/// Gray, RGB, CMYK or YCbCr page, 8 or 16 bits per sample.
fn decode_samples(decoder: &mut TiffDecoder<'_>, page: usize) -> Result<RgbImage> {
    let err = |e| tiff_error(Some(page), e);

    // What the samples mean.
    let (width, height) = decoder.dimensions().map_err(err)?;
    let color = decoder.colortype().map_err(err)?;
    let extra = decoder
        .find_tag_unsigned_vec::<u16>(Tag::ExtraSamples)
        .ok()
        .flatten()
        .and_then(|v| v.first().copied());
    let shape = Shape {
        width,
        height,
        samples_per_pixel: tag_u32(decoder, Tag::SamplesPerPixel).unwrap_or(1).max(1) as usize,
        color,
        extra_alpha: matches!(extra, Some(1 | 2)),
        premultiplied: extra == Some(1),
    };

    // Decode every plane, then convert.
    let mut result = DecodingResult::U8(Vec::new());
    let layout = decoder.read_image_to_buffer(&mut result).map_err(err)?;
    if result.as_buffer(0).as_bytes().len() < layout.complete_len {
        return Err(OcrError::Decode {
            format: Format::Tiff.name(),
            page: Some(page),
            detail: "the planes do not fit the decoder memory limit".to_string(),
        });
    }
    tiff_samples::to_rgb(result, &layout, &shape).map_err(|detail| OcrError::Decode {
        format: Format::Tiff.name(),
        page: Some(page),
        detail,
    })
}

/// Resolution tags, in dots per inch.
fn read_density(decoder: &mut TiffDecoder<'_>) -> Option<Density> {
    let x = tag_f64(decoder, Tag::XResolution)?;
    let y = tag_f64(decoder, Tag::YResolution).unwrap_or(x);
    match tag_u32(decoder, Tag::ResolutionUnit).unwrap_or(2) {
        2 => Density::from_units(x, y, Unit::Inch),
        3 => Density::from_units(x, y, Unit::Centimetre),
        _ => None,
    }
}

/// An unsigned integer tag of the current directory, if present and readable.
fn tag_u32(decoder: &mut TiffDecoder<'_>, tag: Tag) -> Option<u32> {
    decoder.find_tag_unsigned::<u32>(tag).ok().flatten()
}

/// A rational or floating-point tag of the current directory.
fn tag_f64(decoder: &mut TiffDecoder<'_>, tag: Tag) -> Option<f64> {
    let value = decoder.find_tag(tag).ok().flatten()?;
    let first = match value {
        Value::List(values) => values.into_iter().next()?,
        single => single,
    };
    match first {
        Value::Rational(n, d) if d != 0 => Some(f64::from(n) / f64::from(d)),
        Value::Float(v) => Some(f64::from(v)),
        Value::Double(v) => Some(v),
        Value::Short(v) => Some(f64::from(v)),
        Value::Unsigned(v) => Some(f64::from(v)),
        _ => None,
    }
}

/// Map a `tiff` error to the crate's error.
fn tiff_error(page: Option<usize>, error: TiffError) -> OcrError {
    match error {
        TiffError::UnsupportedError(e) => OcrError::Unsupported(match page {
            Some(p) => format!("TIFF page {}: {e}", p + 1),
            None => format!("TIFF: {e}"),
        }),
        TiffError::LimitsExceeded => OcrError::Decode {
            format: Format::Tiff.name(),
            page,
            detail: "decoder memory limit reached".to_string(),
        },
        other => OcrError::Decode {
            format: Format::Tiff.name(),
            page,
            detail: other.to_string(),
        },
    }
}
