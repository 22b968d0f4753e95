//! Kinds of certified goods: titles, descriptions, tariff codes and the
//! attestation wording that goes with them.

/// One product line of a certificate kind.
pub(crate) struct Product {
    /// Description as printed.
    pub description: &'static str,
    /// Harmonized System heading, e.g. "0202.30".
    pub hs_short: &'static str,
    /// Chinese 10-digit tariff code, e.g. "0202300090".
    pub hs_long: &'static str,
}

/// A kind of certificate.
pub(crate) struct ProductKind {
    /// English title; `{FROM}` becomes "FROM BRAZIL " or nothing.
    pub title_en: &'static str,
    /// Chinese title; `{ZH}` becomes the country's Chinese name or nothing.
    pub title_zh: &'static str,
    /// Products certified under this title.
    pub products: &'static [Product],
    /// Package word, e.g. "cartons".
    pub packaging: &'static [&'static str],
    /// Net weight range in kilograms per container.
    pub net_kg: (u64, u64),
    /// Kilograms per package (to derive the package count).
    pub kg_per_package: (u64, u64),
    /// The animals, e.g. "cattle" (empty for plant products).
    pub species: &'static str,
    /// Storage condition, e.g. "-18 °C or colder".
    pub storage: &'static [&'static str],
    /// English and Chinese label of the certifying official.
    pub officer_label: (&'static str, &'static str),
    /// Opening line of the attestation.
    pub attestation_intro: &'static str,
    /// Numbered statements; `{COUNTRY}`, `{SPECIES}`, `{EST}`, `{STORAGE}`,
    /// `{SEAL}` and `{CONTAINER}` are filled in.
    pub statements: &'static [&'static str],
    /// The attestation in Chinese (one paragraph).
    pub statement_zh: &'static str,
    /// True for plant products (phytosanitary certificates).
    pub plant: bool,
}

const VET_INTRO: &str = "I, the undersigned official veterinarian, hereby certify that:";

const VET_STATEMENTS: &[&str] = &[
    "The {SPECIES} from which the products were derived were born, raised and slaughtered in {COUNTRY}, which is free from foot-and-mouth disease, rinderpest and the other diseases notifiable to the World Organisation for Animal Health (WOAH).",
    "The animals passed ante-mortem and post-mortem inspection by the official veterinary service and were found free from any sign of infectious or contagious disease.",
    "The products were processed in establishment {EST}, which is approved by the competent authority of {COUNTRY} and registered with the General Administration of Customs of the People's Republic of China (GACC).",
    "The products were handled, packed and stored under hygienic conditions and were kept at {STORAGE} from production until loading.",
    "The packaging material is new and clean, and each package is marked in Chinese and English with the product name, establishment number, production date and storage conditions.",
    "The products are fit for human consumption and contain no residues of veterinary drugs, pesticides, heavy metals or other harmful substances above the limits set by the People's Republic of China.",
    "The container was cleaned and disinfected before loading and was sealed under official supervision with seal number {SEAL}.",
];

const VET_STATEMENT_ZH: &str = "兹证明上述产品来自经主管当局批准并在中国海关总署注册的加工企业，屠宰前后经官方兽医检验检疫，未发现口蹄疫等动物传染病，适合人类食用。产品在卫生条件下加工、包装和储存，符合中华人民共和国有关兽医卫生要求。";

const VET_OFFICER: (&str, &str) = ("Official veterinarian", "官方兽医");

/// Every certificate kind.
pub(crate) const KINDS: &[ProductKind] = &[
    ProductKind {
        title_en: "VETERINARY HEALTH CERTIFICATE FOR FROZEN BEEF EXPORTED {FROM}TO THE PEOPLE'S REPUBLIC OF CHINA",
        title_zh: "{ZH}输华冷冻牛肉兽医卫生证书",
        products: &[
            Product {
                description: "Frozen boneless beef (Bos taurus), forequarter cuts",
                hs_short: "0202.30",
                hs_long: "0202300090",
            },
            Product {
                description: "Frozen bone-in beef, short ribs",
                hs_short: "0202.20",
                hs_long: "0202200000",
            },
        ],
        packaging: &["cartons", "boxes"],
        net_kg: (18_000, 27_000),
        kg_per_package: (18, 27),
        species: "cattle",
        storage: &["-18 °C or colder", "a temperature not higher than -18 °C"],
        officer_label: VET_OFFICER,
        attestation_intro: VET_INTRO,
        statements: VET_STATEMENTS,
        statement_zh: VET_STATEMENT_ZH,
        plant: false,
    },
    ProductKind {
        title_en: "VETERINARY HEALTH CERTIFICATE FOR FROZEN PORK EXPORTED {FROM}TO THE PEOPLE'S REPUBLIC OF CHINA",
        title_zh: "{ZH}输华冷冻猪肉兽医卫生证书",
        products: &[
            Product {
                description: "Frozen boneless pork (Sus scrofa domesticus), shoulder cuts",
                hs_short: "0203.29",
                hs_long: "0203290090",
            },
            Product {
                description: "Frozen pork bellies, skin-on",
                hs_short: "0203.29",
                hs_long: "0203299000",
            },
        ],
        packaging: &["cartons"],
        net_kg: (20_000, 27_500),
        kg_per_package: (15, 25),
        species: "pigs",
        storage: &["-18 °C or colder"],
        officer_label: VET_OFFICER,
        attestation_intro: VET_INTRO,
        statements: VET_STATEMENTS,
        statement_zh: VET_STATEMENT_ZH,
        plant: false,
    },
    ProductKind {
        title_en: "VETERINARY CERTIFICATE FOR POULTRY MEAT EXPORTED {FROM}TO THE PEOPLE'S REPUBLIC OF CHINA",
        title_zh: "{ZH}输华禽肉兽医卫生证书",
        products: &[
            Product {
                description: "Frozen chicken paws (Gallus gallus domesticus)",
                hs_short: "0207.14",
                hs_long: "0207142200",
            },
            Product {
                description: "Frozen chicken wings, mid-joint",
                hs_short: "0207.14",
                hs_long: "0207142900",
            },
        ],
        packaging: &["cartons"],
        net_kg: (24_000, 28_000),
        kg_per_package: (10, 20),
        species: "birds",
        storage: &["-18 °C or colder"],
        officer_label: VET_OFFICER,
        attestation_intro: VET_INTRO,
        statements: VET_STATEMENTS,
        statement_zh: VET_STATEMENT_ZH,
        plant: false,
    },
    ProductKind {
        title_en: "VETERINARY HEALTH CERTIFICATE FOR FROZEN SHEEP MEAT EXPORTED {FROM}TO THE PEOPLE'S REPUBLIC OF CHINA",
        title_zh: "{ZH}输华冷冻羊肉兽医卫生证书",
        products: &[Product {
            description: "Frozen boneless sheep meat (Ovis aries), leg cuts",
            hs_short: "0204.43",
            hs_long: "0204430090",
        }],
        packaging: &["cartons"],
        net_kg: (18_000, 26_000),
        kg_per_package: (20, 27),
        species: "sheep",
        storage: &["-18 °C or colder"],
        officer_label: VET_OFFICER,
        attestation_intro: VET_INTRO,
        statements: VET_STATEMENTS,
        statement_zh: VET_STATEMENT_ZH,
        plant: false,
    },
    ProductKind {
        title_en: "HEALTH CERTIFICATE FOR MILK AND DAIRY PRODUCTS EXPORTED {FROM}TO THE PEOPLE'S REPUBLIC OF CHINA",
        title_zh: "{ZH}输华乳品卫生证书",
        products: &[
            Product {
                description: "Whole milk powder, 26 % fat, in 25 kg multi-wall bags",
                hs_short: "0402.21",
                hs_long: "0402210000",
            },
            Product {
                description: "Skimmed milk powder, spray dried",
                hs_short: "0402.10",
                hs_long: "0402100000",
            },
        ],
        packaging: &["bags"],
        net_kg: (20_000, 25_000),
        kg_per_package: (25, 25),
        species: "cows",
        storage: &["a temperature below 25 °C", "ambient temperature, dry"],
        officer_label: VET_OFFICER,
        attestation_intro: VET_INTRO,
        statements: VET_STATEMENTS,
        statement_zh: VET_STATEMENT_ZH,
        plant: false,
    },
    ProductKind {
        title_en: "PHYTOSANITARY CERTIFICATE",
        title_zh: "植物检疫证书",
        products: &[
            Product {
                description: "Soybeans (Glycine max) for processing, not for planting",
                hs_short: "1201.90",
                hs_long: "1201901000",
            },
            Product {
                description: "Fresh apples (Malus domestica), class I",
                hs_short: "0808.10",
                hs_long: "0808100000",
            },
        ],
        packaging: &["bags", "cartons"],
        net_kg: (22_000, 27_000),
        kg_per_package: (18, 50),
        species: "",
        storage: &["ambient temperature", "+1 °C"],
        officer_label: ("Authorized officer", "授权官员"),
        attestation_intro: "Additional declaration:",
        statements: &[
            "This is to certify that the plants, plant products or other regulated articles described herein have been inspected and/or tested according to appropriate official procedures.",
            "They are considered to be free from the quarantine pests specified by the importing contracting party and to conform with the current phytosanitary requirements of the People's Republic of China.",
            "The consignment was produced in registered facility {EST} and was found free from soil, weed seeds and live insects.",
            "The container {CONTAINER} was inspected and found clean before loading, and was sealed with seal number {SEAL}.",
        ],
        statement_zh: "兹证明本证书所述植物、植物产品或其他检疫物已按照适当的官方程序进行检查和/或检验，被认为不带有输入方规定的检疫性有害生物，并符合中华人民共和国现行的植物检疫要求。",
        plant: true,
    },
];
