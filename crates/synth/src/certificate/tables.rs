//! Invented names the generator fills certificates with: exporters' towns,
//! streets and ports per country, Chinese importers, ports, vessels,
//! container owners. Nothing here is a real company.

/// What the generator knows of an exporting country.
pub(crate) struct CountryTable {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    /// Towns where certificates are issued and exporters sit.
    pub towns: &'static [&'static str],
    /// Ports (or airports) of loading, upper case.
    pub ports: &'static [&'static str],
    /// Street names.
    pub streets: &'static [&'static str],
}

/// Exporting countries and regions.
pub(crate) const COUNTRIES: &[CountryTable] = &[
    CountryTable {
        code: "AU",
        towns: &["BRISBANE", "MELBOURNE", "SYDNEY", "ADELAIDE", "PERTH"],
        ports: &["BRISBANE", "MELBOURNE", "SYDNEY", "FREMANTLE"],
        streets: &[
            "ROCKLEA ROAD",
            "PRINCES HIGHWAY",
            "STATION STREET",
            "WHARF ROAD",
        ],
    },
    CountryTable {
        code: "NZ",
        towns: &["AUCKLAND", "HAMILTON", "NAPIER", "TAURANGA", "CHRISTCHURCH"],
        ports: &["AUCKLAND", "TAURANGA", "NAPIER", "LYTTELTON"],
        streets: &[
            "GREAT SOUTH ROAD",
            "TE RAPA ROAD",
            "HEWLETTS ROAD",
            "MAIN NORTH ROAD",
        ],
    },
    CountryTable {
        code: "US",
        towns: &["OMAHA", "DES MOINES", "FRESNO", "KANSAS CITY", "SEATTLE"],
        ports: &["LOS ANGELES", "OAKLAND", "SEATTLE", "LONG BEACH"],
        streets: &[
            "INDUSTRIAL PARKWAY",
            "COMMERCE DRIVE",
            "MAIN STREET",
            "RIVER ROAD",
        ],
    },
    CountryTable {
        code: "CA",
        towns: &[
            "GUELPH",
            "BRANDON",
            "RED DEER",
            "SAINT-HYACINTHE",
            "LETHBRIDGE",
        ],
        ports: &["VANCOUVER", "PRINCE RUPERT", "MONTREAL", "HALIFAX"],
        streets: &[
            "INDUSTRIAL ROAD",
            "RUE PRINCIPALE",
            "HIGHWAY 2",
            "QUEEN STREET",
        ],
    },
    CountryTable {
        code: "BR",
        towns: &["SANTOS", "BARRETOS", "CHAPECO", "SAO PAULO", "ARAGUAINA"],
        ports: &["SANTOS", "PARANAGUA", "ITAJAI", "RIO GRANDE"],
        streets: &[
            "RODOVIA BR-153 KM 12",
            "AVENIDA MARECHAL RONDON",
            "RUA PADRE ANCHIETA",
        ],
    },
    CountryTable {
        code: "AR",
        towns: &["BUENOS AIRES", "ROSARIO", "MENDOZA", "NEUQUEN", "CORDOBA"],
        ports: &["BUENOS AIRES", "ROSARIO", "ZARATE", "SAN ANTONIO ESTE"],
        streets: &["AVENIDA SAN MARTIN", "RUTA NACIONAL 9", "CALLE BELGRANO"],
    },
    CountryTable {
        code: "UY",
        towns: &["MONTEVIDEO", "TACUAREMBO", "CANELONES", "PAYSANDU", "SALTO"],
        ports: &["MONTEVIDEO", "NUEVA PALMIRA"],
        streets: &["RUTA 5 KM 38", "AVENIDA ITALIA", "CALLE RIVERA"],
    },
    CountryTable {
        code: "CL",
        towns: &["SANTIAGO", "RANCAGUA", "TALCA", "CURICO", "SAN ANTONIO"],
        ports: &["SAN ANTONIO", "VALPARAISO", "SAN VICENTE"],
        streets: &[
            "CAMINO LONGITUDINAL SUR",
            "AVENIDA O'HIGGINS",
            "CALLE ESMERALDA",
        ],
    },
    CountryTable {
        code: "FR",
        towns: &["RENNES", "LAMBALLE", "LYON", "TOULOUSE", "NANTES"],
        ports: &["LE HAVRE", "MARSEILLE-FOS", "MONTOIR-DE-BRETAGNE"],
        streets: &[
            "RUE DE LA GARE",
            "ZONE INDUSTRIELLE NORD",
            "AVENUE JEAN JAURES",
        ],
    },
    CountryTable {
        code: "ES",
        towns: &["ZARAGOZA", "LLEIDA", "MURCIA", "SALAMANCA", "VIC"],
        ports: &["VALENCIA", "BARCELONA", "ALGECIRAS", "BILBAO"],
        streets: &[
            "POLIGONO INDUSTRIAL LA NORIA",
            "CARRETERA N-II KM 468",
            "CALLE MAYOR",
        ],
    },
    CountryTable {
        code: "DE",
        towns: &["HAMBURG", "OLDENBURG", "KEMPTEN", "MUNSTER", "KIEL"],
        ports: &["HAMBURG", "BREMERHAVEN"],
        streets: &[
            "INDUSTRIESTRASSE",
            "HAFENSTRASSE",
            "MOLKEREIWEG",
            "BAHNHOFSTRASSE",
        ],
    },
    CountryTable {
        code: "NL",
        towns: &["ROTTERDAM", "BOXTEL", "OSS", "ZWOLLE", "VEGHEL"],
        ports: &["ROTTERDAM", "AMSTERDAM", "VLISSINGEN"],
        streets: &["INDUSTRIEWEG", "HAVENSTRAAT", "KANAALDIJK", "STATIONSWEG"],
    },
    CountryTable {
        code: "DK",
        towns: &["HORSENS", "ESBJERG", "AARHUS", "RANDERS", "VEJLE"],
        ports: &["AARHUS", "ESBJERG", "FREDERICIA"],
        streets: &["INDUSTRIVEJ", "HAVNEGADE", "SLAGTERIVEJ"],
    },
    CountryTable {
        code: "IE",
        towns: &["CORK", "CAHIR", "ATHLEAGUE", "KILKENNY", "GALWAY"],
        ports: &["CORK", "DUBLIN"],
        streets: &["INDUSTRIAL ESTATE", "DOCK ROAD", "MAIN STREET"],
    },
    CountryTable {
        code: "GB",
        towns: &["HULL", "BRADFORD", "NORWICH", "CARLISLE", "LEEDS"],
        ports: &["SOUTHAMPTON", "FELIXSTOWE", "LONDON GATEWAY", "IMMINGHAM"],
        streets: &["INDUSTRIAL ESTATE", "MILL LANE", "STATION ROAD"],
    },
    CountryTable {
        code: "RU",
        towns: &[
            "VORONEZH",
            "BELGOROD",
            "KURSK",
            "VLADIVOSTOK",
            "NOVOSIBIRSK",
        ],
        ports: &["VLADIVOSTOK", "ZABAIKALSK", "SAINT PETERSBURG"],
        streets: &[
            "PROMYSHLENNAYA STREET",
            "LENINA STREET",
            "ZAVODSKOY PROSPEKT",
        ],
    },
    CountryTable {
        code: "RO",
        towns: &["BUCURESTI", "CLUJ-NAPOCA", "TIMISOARA", "BRASOV", "IASI"],
        ports: &["CONSTANTA", "BUCURESTI OTOPENI"],
        streets: &["STRADA FABRICII", "BULEVARDUL UNIRII", "CALEA FERENTARI"],
    },
    CountryTable {
        code: "NO",
        towns: &["BERGEN", "ALESUND", "TRONDHEIM", "TROMSO", "OSLO"],
        ports: &["OSLO GARDERMOEN", "BERGEN", "ALESUND"],
        streets: &["HAVNEGATA", "INDUSTRIVEIEN", "STRANDGATEN"],
    },
    CountryTable {
        code: "TH",
        towns: &[
            "BANGKOK",
            "CHANTHABURI",
            "CHIANG MAI",
            "RAYONG",
            "NAKHON PATHOM",
        ],
        ports: &["LAEM CHABANG", "BANGKOK"],
        streets: &["SUKHUMVIT ROAD", "MOO 4 THEPHARAK ROAD", "RAMA II ROAD"],
    },
];

/// A generic table for a country the generator has no entry for.
pub(crate) const FALLBACK: CountryTable = CountryTable {
    code: "",
    towns: &["CAPITAL CITY", "PORT TOWN"],
    ports: &["MAIN PORT"],
    streets: &["INDUSTRIAL ROAD", "HARBOUR ROAD"],
};

/// The table for a country code (the generic one when unknown).
pub(crate) fn country(code: &str) -> &'static CountryTable {
    COUNTRIES
        .iter()
        .find(|c| c.code == code)
        .unwrap_or(&FALLBACK)
}

/// Chinese importers: English name, address lines and port of entry.
pub(crate) const IMPORTERS: &[(&str, &str, &str)] = &[
    (
        "SHANGHAI HAIXIN FOOD IMPORT & EXPORT CO., LTD.",
        "NO. 88 YANGSHUPU ROAD, YANGPU DISTRICT, SHANGHAI",
        "SHANGHAI",
    ),
    (
        "QINGDAO LANHAI COLD CHAIN LOGISTICS CO., LTD.",
        "NO. 16 HUANGPU ROAD, SHIBEI DISTRICT, QINGDAO",
        "QINGDAO",
    ),
    (
        "TIANJIN JINGHUA TRADING CO., LTD.",
        "ROOM 1203, NO. 6 HEPING ROAD, TIANJIN",
        "TIANJIN",
    ),
    (
        "GUANGZHOU YUECHENG MEAT PRODUCTS CO., LTD.",
        "NO. 233 HUANGPU AVENUE WEST, GUANGZHOU",
        "GUANGZHOU",
    ),
    (
        "DALIAN BEIFANG FOODS CO., LTD.",
        "NO. 7 GANGWAN STREET, ZHONGSHAN DISTRICT, DALIAN",
        "DALIAN",
    ),
    (
        "XIAMEN HAICANG IMPORT & EXPORT CO., LTD.",
        "NO. 51 XINYANG ROAD, HAICANG DISTRICT, XIAMEN",
        "XIAMEN",
    ),
    (
        "SHENZHEN QIANHAI FRESH SUPPLY CHAIN CO., LTD.",
        "NO. 1 QIANWAN ROAD, QIANHAI, SHENZHEN",
        "SHENZHEN",
    ),
    (
        "NINGBO DONGHAI AGRICULTURAL TRADING CO., LTD.",
        "NO. 399 ZHONGSHAN EAST ROAD, NINGBO",
        "NINGBO",
    ),
];

/// Container owner codes (three letters and the category letter U).
pub(crate) const CONTAINER_OWNERS: &[&str] = &[
    "CSQU", "MSKU", "MSCU", "CMAU", "HLXU", "TGHU", "OOLU", "SEGU", "TRIU", "CAIU",
];

/// Reefer vessels.
pub(crate) const VESSELS: &[&str] = &[
    "MAERSK KOWLOON",
    "CMA CGM ZHENG HE",
    "MSC ALEXANDRA",
    "COSCO HARMONY",
    "ONE COMMITMENT",
    "HAMBURG EXPRESS",
    "EVER LOVELY",
    "SANTA CLARA",
];

/// Seal number shapes: `#` a digit, `@` a capital letter.
pub(crate) const SEALS: &[&str] = &["@#######", "@@######", "########", "@@@#######"];

/// Names of people who are not registered signatories (for `unknown-signatory`).
pub(crate) const UNKNOWN_OFFICIALS: &[&str] = &[
    "DR. MARTIN KOVAC",
    "DR. HELEN FAIRWEATHER",
    "DR. JOSE ALVARADO",
    "DR. INGRID SOLBERG",
    "DR. PETER WALLACE",
];

/// Neighbouring countries for `wrong-country` and `origin-mismatch`:
/// (template country, other country code, its name).
pub(crate) const CONFUSABLE: &[(&str, &str, &str)] = &[
    ("AU", "NZ", "NEW ZEALAND"),
    ("AU", "AT", "AUSTRIA"),
    ("NZ", "AU", "AUSTRALIA"),
    ("US", "CA", "CANADA"),
    ("CA", "US", "UNITED STATES"),
    ("BR", "AR", "ARGENTINA"),
    ("AR", "UY", "URUGUAY"),
    ("UY", "AR", "ARGENTINA"),
    ("CL", "AR", "ARGENTINA"),
    ("FR", "ES", "SPAIN"),
    ("ES", "FR", "FRANCE"),
    ("DE", "DK", "DENMARK"),
    ("NL", "DE", "GERMANY"),
    ("DK", "DE", "GERMANY"),
    ("IE", "GB", "UNITED KINGDOM"),
    ("GB", "IE", "IRELAND"),
    ("RU", "RO", "ROMANIA"),
    ("RO", "RU", "RUSSIA"),
    ("NO", "DK", "DENMARK"),
    ("TH", "AU", "AUSTRALIA"),
];
