//! Bytes in, decoded pages out: PNG, JPEG, TIFF (every page), WebP, GIF, BMP
//! and PDF (every page, rasterised with `hayro`).
//!
//! The type is sniffed from the content, never from a file name. Every page
//! comes out as 8-bit RGB with alpha composited on white, EXIF orientation
//! applied once, pixels made square, and its size within [`Limits`]: sizes are
//! read from headers and page boxes before anything is allocated, pages above
//! `max_page_pixels` are downscaled, pages above `max_source_pixels` refused.
//!
//! ```no_run
//! # fn run(bytes: Vec<u8>) -> ocr::Result<()> {
//! let limits = ocr::Limits::default();
//! let document = ocr::decode::Document::open(bytes, &limits)?;
//! for index in 0..document.page_count() {
//!     let page = document.page(index)?;
//!     println!("page {}: {} x {} px", index + 1, page.width(), page.height());
//! }
//! # Ok(())
//! # }
//! ```

mod budget;
mod density;
mod fax;
mod format;
mod pdf;
mod pdf_dash;
mod pdf_scan;
mod pixels;
mod raster;
mod resize;
mod tiff;
mod tiff_ifd;
mod tiff_palette;
mod tiff_samples;

pub use format::{sniff, Format};

use crate::error::{OcrError, Result};
use crate::limits::Limits;
use crate::page::Page;

use self::pdf::PdfDocument;
use self::tiff::TiffPage;

/// An opened input file: its type and pages, decoded one at a time on
/// request.
pub struct Document {
    format: Format,
    limits: Limits,
    source: Source,
}

/// What each format keeps between `open` and `page`.
enum Source {
    /// One image (PNG, JPEG, WebP, GIF, BMP): the file bytes.
    Single(Vec<u8>),
    /// TIFF: the file bytes and the pages found in its directory chain.
    Tiff(Vec<u8>, Vec<TiffPage>),
    /// PDF: the parsed document.
    Pdf(PdfDocument),
}

impl Document {
    /// Sniff and open `bytes`, checking `max_input_bytes` and `max_pages`.
    ///
    /// Cheap: only headers, TIFF directories and the PDF page tree are read;
    /// no page is decoded. Errors: `Unsupported` for unknown content,
    /// `Decode` for a damaged header, `Limits` for size and page count.
    pub fn open(bytes: Vec<u8>, limits: &Limits) -> Result<Document> {
        budget::check_input_size(bytes.len(), limits)?;
        let format =
            sniff(&bytes).ok_or_else(|| OcrError::Unsupported(format::describe_unknown(&bytes)))?;
        let source = match format {
            Format::Tiff => {
                let pages = tiff::scan(&bytes, limits)?;
                Source::Tiff(bytes, pages)
            }
            Format::Pdf => Source::Pdf(PdfDocument::open(bytes, limits)?),
            Format::Png | Format::Jpeg | Format::Webp | Format::Gif | Format::Bmp => {
                raster::probe(format, &bytes)?;
                Source::Single(bytes)
            }
        };
        log::debug!("opened {format} input");
        Ok(Document {
            format,
            limits: *limits,
            source,
        })
    }

    /// The sniffed file type.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Number of pages (1 for single-image formats; at most `max_pages`).
    pub fn page_count(&self) -> usize {
        match &self.source {
            Source::Single(_) => 1,
            Source::Tiff(_, pages) => pages.len(),
            Source::Pdf(pdf) => pdf.page_count(),
        }
    }

    /// Decode page `index` (0-based) to RGB within the limits given to
    /// [`Document::open`].
    ///
    /// Errors carry `page: Some(index)`.
    pub fn page(&self, index: usize) -> Result<Page> {
        if index >= self.page_count() {
            return Err(OcrError::Decode {
                format: self.format.name(),
                page: Some(index),
                detail: format!("the document has {} pages", self.page_count()),
            });
        }
        let limits = &self.limits;
        match &self.source {
            Source::Single(bytes) => raster::decode(self.format, bytes, limits),
            Source::Tiff(bytes, pages) => match &pages[index] {
                TiffPage::Directory(directory) => {
                    tiff::decode_page(bytes, *directory, index, limits)
                }
                TiffPage::Broken(detail) => Err(OcrError::Decode {
                    format: self.format.name(),
                    page: Some(index),
                    detail: detail.clone(),
                }),
            },
            Source::Pdf(pdf) => pdf.render(index, limits),
        }
    }
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("format", &self.format)
            .field("pages", &self.page_count())
            .finish()
    }
}

/// Open `bytes` and decode every page, stopping at the first error.
pub fn decode_all(bytes: Vec<u8>, limits: &Limits) -> Result<Vec<Page>> {
    let document = Document::open(bytes, limits)?;
    (0..document.page_count())
        .map(|i| document.page(i))
        .collect()
}
