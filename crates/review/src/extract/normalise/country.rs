//! Country names and codes to ISO 3166-1 alpha-2.

use super::NormaliseError;
use crate::extract::matching::fold;

/// Per country: its alpha-2 code, then names (accents folded, lower case,
/// no spaces or punctuation) in English, the languages of the templates
/// (French, Spanish, Portuguese, German, Dutch, Danish, Italian, Romanian,
/// Russian, Chinese), and its alpha-3 code.
const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "AU",
        &[
            "australia",
            "australie",
            "australien",
            "австралия",
            "澳大利亚",
            "aus",
        ],
    ),
    (
        "NZ",
        &[
            "newzealand",
            "nouvellezelande",
            "nuevazelanda",
            "novazelandia",
            "neuseeland",
            "nieuwzeeland",
            "noazealand",
            "nouazeelanda",
            "новаязеландия",
            "新西兰",
            "nzl",
        ],
    ),
    (
        "US",
        &[
            "unitedstates",
            "unitedstatesofamerica",
            "usa",
            "us",
            "etatsunis",
            "etatsunisdamerique",
            "estadosunidos",
            "estadosunidosdeamerica",
            "vereinigtestaaten",
            "verenigdestaten",
            "amerikasforenedestater",
            "statiuniti",
            "stateleunite",
            "stateleunitealeamericii",
            "сша",
            "美国",
            "美利坚合众国",
        ],
    ),
    ("CA", &["canada", "kanada", "канада", "加拿大", "can"]),
    (
        "BR",
        &[
            "brazil",
            "bresil",
            "brasil",
            "brasilien",
            "brazilie",
            "brasile",
            "brazilia",
            "бразилия",
            "巴西",
            "bra",
        ],
    ),
    (
        "AR",
        &[
            "argentina",
            "argentine",
            "argentinien",
            "argentinie",
            "аргентина",
            "阿根廷",
            "arg",
        ],
    ),
    ("UY", &["uruguay", "uruguai", "уругвай", "乌拉圭", "ury"]),
    ("CL", &["chile", "chili", "cile", "чили", "智利", "chl"]),
    (
        "FR",
        &[
            "france",
            "francia",
            "franca",
            "frankreich",
            "frankrijk",
            "frankrig",
            "franta",
            "франция",
            "法国",
            "fra",
        ],
    ),
    (
        "ES",
        &[
            "spain",
            "espagne",
            "espana",
            "espanha",
            "spanien",
            "spanje",
            "spagna",
            "spania",
            "испания",
            "西班牙",
            "esp",
        ],
    ),
    (
        "DE",
        &[
            "germany",
            "allemagne",
            "alemania",
            "alemanha",
            "deutschland",
            "duitsland",
            "tyskland",
            "germania",
            "германия",
            "德国",
            "deu",
        ],
    ),
    (
        "NL",
        &[
            "netherlands",
            "thenetherlands",
            "holland",
            "paysbas",
            "paisesbajos",
            "paisesbaixos",
            "holanda",
            "niederlande",
            "nederland",
            "nederlandene",
            "paesibassi",
            "olanda",
            "tariledejos",
            "нидерланды",
            "荷兰",
            "nld",
        ],
    ),
    (
        "DK",
        &[
            "denmark",
            "danemark",
            "dinamarca",
            "danmark",
            "denemarken",
            "danimarca",
            "danemarca",
            "дания",
            "丹麦",
            "dnk",
        ],
    ),
    (
        "IE",
        &[
            "ireland",
            "irlande",
            "irlanda",
            "irland",
            "ierland",
            "ирландия",
            "爱尔兰",
            "irl",
        ],
    ),
    (
        "GB",
        &[
            "unitedkingdom",
            "uk",
            "greatbritain",
            "britain",
            "royaumeuni",
            "reinounido",
            "vereinigteskonigreich",
            "verenigdkoninkrijk",
            "storbritannien",
            "regnounito",
            "regatulunit",
            "великобритания",
            "英国",
            "gbr",
        ],
    ),
    (
        "RU",
        &[
            "russia",
            "russianfederation",
            "russie",
            "rusia",
            "russland",
            "rusland",
            "russia",
            "россия",
            "российскаяфедерация",
            "俄罗斯",
            "rus",
        ],
    ),
    (
        "RO",
        &[
            "romania",
            "roumanie",
            "rumania",
            "romenia",
            "rumanien",
            "roemenie",
            "rumaenien",
            "румыния",
            "罗马尼亚",
            "rou",
        ],
    ),
    (
        "NO",
        &[
            "norway",
            "norvege",
            "noruega",
            "norwegen",
            "noorwegen",
            "norge",
            "norvegia",
            "норвегия",
            "挪威",
            "nor",
        ],
    ),
    (
        "TH",
        &[
            "thailand",
            "thailande",
            "tailandia",
            "thailanda",
            "таиланд",
            "泰国",
            "tha",
        ],
    ),
    (
        "CN",
        &[
            "china",
            "chine",
            "cina",
            "китай",
            "中国",
            "中华人民共和国",
            "prchina",
            "peoplesrepublicofchina",
            "republiquepopulairedechine",
            "republicapopulardechina",
            "volksrepublikchina",
            "chn",
        ],
    ),
];

/// The ISO 3166-1 alpha-2 code of a country written as a code (`AU`, `AUS`)
/// or a name in English or a template language (`Australia`, `Brésil`,
/// `Países Bajos`, `中华人民共和国`). A name inside a longer text
/// (`Commonwealth of Australia`) is found too.
pub fn country_code(raw: &str) -> Result<&'static str, NormaliseError> {
    let folded = fold(raw);
    if folded.is_empty() {
        return Err(NormaliseError::Country {
            raw: raw.to_string(),
        });
    }

    // A two-letter code as written, then an exact name.
    for (code, names) in COUNTRIES {
        if folded == code.to_lowercase() || names.contains(&folded.as_str()) {
            return Ok(code);
        }
    }

    // The longest name (4+ characters, or CJK) inside the text.
    let mut best: Option<(&'static str, usize)> = None;
    for (code, names) in COUNTRIES {
        for name in names.iter() {
            let long_enough = name.chars().count() >= 4 || !name.is_ascii();
            if long_enough && folded.contains(name) && best.is_none_or(|(_, len)| name.len() > len)
            {
                best = Some((code, name.len()));
            }
        }
    }
    if let Some((code, _)) = best {
        return Ok(code);
    }

    // The whole text a name (6+ characters) with one letter misread
    // ("AUSIRALIA" on a fax), when only one country has a name that close.
    let near: Vec<&'static str> = COUNTRIES
        .iter()
        .filter(|(_, names)| {
            names
                .iter()
                .any(|n| n.chars().count() >= 6 && strsim::levenshtein(n, &folded) <= 1)
        })
        .map(|(code, _)| *code)
        .collect();
    match near[..] {
        [code] => Ok(code),
        _ => Err(NormaliseError::Country {
            raw: raw.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes() {
        assert_eq!(country_code("AU"), Ok("AU"));
        assert_eq!(country_code("Australia"), Ok("AU"));
        assert_eq!(country_code("Commonwealth of Australia"), Ok("AU"));
        assert_eq!(country_code("BRÉSIL"), Ok("BR"));
        assert_eq!(country_code("Países Bajos"), Ok("NL"));
        assert_eq!(country_code("Nederland"), Ok("NL"));
        assert_eq!(country_code("Danmark"), Ok("DK"));
        assert_eq!(country_code("România"), Ok("RO"));
        assert_eq!(country_code("U.S.A."), Ok("US"));
        assert_eq!(country_code("United Kingdom"), Ok("GB"));
        assert_eq!(country_code("P. R. China"), Ok("CN"));
        assert_eq!(country_code("中华人民共和国"), Ok("CN"));
        assert_eq!(country_code("澳大利亚"), Ok("AU"));
        assert!(country_code("Atlantis").is_err());
        // One letter misread on a fax; short names get no such tolerance.
        assert_eq!(country_code("AUSIRALIA"), Ok("AU"));
        assert_eq!(country_code("Brazi1"), Ok("BR"));
        assert_eq!(
            country_code("Chlle"),
            Err(NormaliseError::Country {
                raw: "Chlle".into()
            })
        );
        assert!(country_code("Ausiraiia").is_err());
    }
}
