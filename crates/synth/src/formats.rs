//! Dates, weights and counts as the certificates print them, in the styles of
//! different countries.
//!
//! Dates are handled by hand (day counts in the proleptic Gregorian calendar):
//! the generator only needs "n days earlier" and a few print styles, not a
//! calendar crate.

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month 1..=12.
    pub month: u32,
    /// Day of the month 1..=31.
    pub day: u32,
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

impl Date {
    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let m = i64::from(self.month);
        let day_of_year =
            (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date shifted by `days` (negative for earlier).
    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }
}

/// How a date is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// 22/04/2026
    DaySlash,
    /// 04/22/2026
    MonthSlash,
    /// 22 APR 2026
    DayMonthName,
    /// 2026-04-22
    Iso,
    /// 22.04.2026
    DayDot,
}

impl DateStyle {
    /// Every style.
    pub const ALL: [DateStyle; 5] = [
        DateStyle::DaySlash,
        DateStyle::MonthSlash,
        DateStyle::DayMonthName,
        DateStyle::Iso,
        DateStyle::DayDot,
    ];

    /// `date` printed in this style.
    pub fn format(self, date: Date) -> String {
        let Date { year, month, day } = date;
        match self {
            DateStyle::DaySlash => format!("{day:02}/{month:02}/{year}"),
            DateStyle::MonthSlash => format!("{month:02}/{day:02}/{year}"),
            DateStyle::DayMonthName => {
                let name = MONTHS[(month.clamp(1, 12) - 1) as usize];
                format!("{day:02} {name} {year}")
            }
            DateStyle::Iso => format!("{year}-{month:02}-{day:02}"),
            DateStyle::DayDot => format!("{day:02}.{month:02}.{year}"),
        }
    }
}

/// How numbers with thousands and decimals are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberStyle {
    /// 24.560,00 (Brazil, Germany, Spain...)
    DotThousands,
    /// 24,560.00 (USA, Australia...)
    CommaThousands,
    /// 24 560,00 (France, Portugal)
    SpaceThousands,
}

impl NumberStyle {
    /// Thousands and decimal separators.
    fn separators(self) -> (char, char) {
        match self {
            NumberStyle::DotThousands => ('.', ','),
            NumberStyle::CommaThousands => (',', '.'),
            NumberStyle::SpaceThousands => (' ', ','),
        }
    }

    /// A whole count with thousands grouping, e.g. 1250 → "1.250".
    pub fn count(self, value: u64) -> String {
        group_thousands(value, self.separators().0)
    }

    /// A weight given in hundredths of a kilogram, e.g. 2456000 → "24.560,00 kg".
    pub fn weight_kg(self, centi_kg: u64) -> String {
        let (thousands, decimal) = self.separators();
        let whole = group_thousands(centi_kg / 100, thousands);
        format!("{whole}{decimal}{:02} kg", centi_kg % 100)
    }
}

/// Digits of `value` grouped by three with `separator`.
fn group_thousands(value: u64, separator: char) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_counts_round_trip() {
        let date = Date {
            year: 2026,
            month: 4,
            day: 22,
        };
        assert_eq!(
            Date::from_days(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(date.to_days(), 20_565);
        assert_eq!(Date::from_days(date.to_days()), date);
        assert_eq!(
            date.plus_days(-22),
            Date {
                year: 2026,
                month: 3,
                day: 31
            }
        );
        let leap = Date {
            year: 2024,
            month: 2,
            day: 28,
        }
        .plus_days(1);
        assert_eq!(
            leap,
            Date {
                year: 2024,
                month: 2,
                day: 29
            }
        );
    }

    #[test]
    fn date_styles() {
        let date = Date {
            year: 2026,
            month: 4,
            day: 22,
        };
        let printed: Vec<String> = DateStyle::ALL.iter().map(|s| s.format(date)).collect();
        assert_eq!(
            printed,
            [
                "22/04/2026",
                "04/22/2026",
                "22 APR 2026",
                "2026-04-22",
                "22.04.2026"
            ]
        );
    }

    #[test]
    fn weights_and_counts() {
        assert_eq!(
            NumberStyle::DotThousands.weight_kg(2_456_000),
            "24.560,00 kg"
        );
        assert_eq!(
            NumberStyle::CommaThousands.weight_kg(2_456_005),
            "24,560.05 kg"
        );
        assert_eq!(NumberStyle::SpaceThousands.weight_kg(99), "0,99 kg");
        assert_eq!(NumberStyle::DotThousands.count(1_250), "1.250");
        assert_eq!(NumberStyle::CommaThousands.count(999), "999");
        assert_eq!(NumberStyle::CommaThousands.count(1_000_000), "1,000,000");
    }
}
