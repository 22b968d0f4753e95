//! Reading typed values out of the check context: a field's normalised value
//! as a date, a number or a list, the goods lines, the template and the
//! declaration, each giving a bilingual "not applicable" reason when absent.

use jiff::civil::Date;

use super::{na, Context, NotApplicable};
use crate::declaration::Declaration;
use crate::field::ExtractedField;
use crate::template::Template;

/// A value or the reason it is missing.
pub(crate) type Needed<T> = std::result::Result<T, NotApplicable>;

/// "field X not read".
pub(crate) fn missing(name: &str) -> NotApplicable {
    na(
        format!("{name} was not read from the certificate"),
        format!("证书上未读取到 {name}"),
    )
}

impl<'a> Context<'a> {
    /// The first extracted field with this name.
    pub fn field(&self, name: &str) -> Option<&'a ExtractedField> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The template, or why the rule needs it.
    pub(crate) fn need_template(&self) -> Needed<&'a Template> {
        self.template
            .ok_or_else(|| na("the template is unknown", "模板未识别"))
    }

    /// The declaration, or why the rule needs it.
    pub(crate) fn need_declaration(&self) -> Needed<&'a Declaration> {
        self.declaration
            .ok_or_else(|| na("no declaration was given", "未提供报关单"))
    }

    /// A field's normalised value, trimmed and non-empty.
    pub(crate) fn text(&self, name: &str) -> Needed<(&'a ExtractedField, &'a str)> {
        let f = self.field(name).ok_or_else(|| missing(name))?;
        match f.value.as_deref().map(str::trim) {
            Some(v) if !v.is_empty() => Ok((f, v)),
            _ => Err(na(
                format!("{name} could not be read as a value ({:?})", f.raw),
                format!("{name} 无法识别为有效值（{:?}）", f.raw),
            )),
        }
    }

    /// A date field (ISO `YYYY-MM-DD` normalised value).
    pub(crate) fn date(&self, name: &str) -> Needed<(&'a ExtractedField, Date)> {
        let (f, v) = self.text(name)?;
        let d = v.parse::<Date>().map_err(|_| {
            na(
                format!("{name} is not a date ({v:?})"),
                format!("{name} 不是日期（{v:?}）"),
            )
        })?;
        Ok((f, d))
    }

    /// A number field (kilograms for weights, plain counts).
    pub(crate) fn number(&self, name: &str) -> Needed<(&'a ExtractedField, f64)> {
        let (f, v) = self.text(name)?;
        let n = v
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| {
                na(
                    format!("{name} is not a number ({v:?})"),
                    format!("{name} 不是数字（{v:?}）"),
                )
            })?;
        Ok((f, n))
    }

    /// A `,`-joined list field (containers, seals, establishments), items trimmed.
    pub(crate) fn list(&self, name: &str) -> Needed<(&'a ExtractedField, Vec<String>)> {
        let (f, v) = self.text(name)?;
        let items: Vec<String> = v
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if items.is_empty() {
            return Err(missing(name));
        }
        Ok((f, items))
    }

    /// The goods-table cells of one column, `(row, field)` in row order.
    pub(crate) fn items(&self, column: &str) -> Vec<(usize, &'a ExtractedField)> {
        let mut cells: Vec<(usize, &ExtractedField)> = self
            .fields
            .iter()
            .filter_map(|f| {
                item_cell(&f.name)
                    .filter(|(_, c)| *c == column)
                    .map(|(i, _)| (i, f))
            })
            .collect();
        cells.sort_by_key(|(i, _)| *i);
        cells
    }

    /// The goods-table numbers of one column, `(row, field, value)`; cells
    /// that are not numbers are left out.
    pub(crate) fn item_numbers(&self, column: &str) -> Vec<(usize, &'a ExtractedField, f64)> {
        self.items(column)
            .into_iter()
            .filter_map(|(i, f)| {
                let n = f.value.as_deref()?.trim().parse::<f64>().ok()?;
                n.is_finite().then_some((i, f, n))
            })
            .collect()
    }

    /// The production date: the field, else the latest goods-line production date.
    pub(crate) fn production_date(&self) -> Needed<(Vec<&'a ExtractedField>, Date)> {
        use crate::field::names::PRODUCTION_DATE;
        if let Ok((f, d)) = self.date(PRODUCTION_DATE) {
            return Ok((vec![f], d));
        }
        let dated: Vec<(&ExtractedField, Date)> = self
            .items(PRODUCTION_DATE)
            .into_iter()
            .filter_map(|(_, f)| Some((f, f.value.as_deref()?.trim().parse::<Date>().ok()?)))
            .collect();
        let latest = dated
            .iter()
            .map(|(_, d)| *d)
            .max()
            .ok_or_else(|| missing(PRODUCTION_DATE))?;
        Ok((dated.into_iter().map(|(f, _)| f).collect(), latest))
    }
}

/// `items[3].net_weight` → `(3, "net_weight")`.
pub(crate) fn item_cell(name: &str) -> Option<(usize, &str)> {
    let rest = name.strip_prefix("items[")?;
    let (index, column) = rest.split_once("].")?;
    Some((index.parse().ok()?, column))
}

/// A number in the canonical form of `crate::field` (no trailing zeros).
pub(crate) fn show_number(n: f64) -> String {
    let s = format!("{:.2}", n);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}
