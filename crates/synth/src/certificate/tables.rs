//! Invented names the generator fills certificates with: exporters' towns
//! and company styles per country, Chinese importers, ports, vessels,
//! container owners. Nothing here is a real company.

/// What the generator knows of an exporting country.
pub(crate) struct CountryTable {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    /// Name as printed in upper case.
    pub name: &'static str,
    /// Towns where certificates are issued and exporters sit.
    pub towns: &'static [&'static str],
    /// Ports (or airports) of loading, upper case.
    pub ports: &'static [&'static str],
    /// Company name endings, e.g. "PTY LTD".
    pub company_suffixes: &'static [&'static str],
    /// Words of company names.
    pub company_words: &'static [&'static str],
    /// Street names.
    pub streets: &'static [&'static str],
}

/// Exporting countries and regions.
pub(crate) const COUNTRIES: &[CountryTable] = &[
    CountryTable {
        code: "AU",
        name: "AUSTRALIA",
        towns: &["BRISBANE", "MELBOURNE", "SYDNEY", "ADELAIDE", "PERTH"],
        ports: &["BRISBANE", "MELBOURNE", "SYDNEY", "FREMANTLE"],
        company_suffixes: &["PTY LTD", "PTY. LIMITED"],
        company_words: &[
            "SOUTHERN CROSS",
            "DOWNS",
            "RIVERINA",
            "GREAT PLAINS",
            "KIMBERLEY",
        ],
        streets: &[
            "ROCKLEA ROAD",
            "PRINCES HIGHWAY",
            "STATION STREET",
            "WHARF ROAD",
        ],
    },
    CountryTable {
        code: "NZ",
        name: "NEW ZEALAND",
        towns: &["AUCKLAND", "HAMILTON", "NAPIER", "TAURANGA", "CHRISTCHURCH"],
        ports: &["AUCKLAND", "TAURANGA", "NAPIER", "LYTTELTON"],
        company_suffixes: &["LIMITED", "LTD"],
        company_words: &[
            "KAIMAI",
            "WAIKATO VALLEY",
            "SOUTHERN ALPS",
            "BAY OF PLENTY",
            "CANTERBURY",
        ],
        streets: &[
            "GREAT SOUTH ROAD",
            "TE RAPA ROAD",
            "HEWLETTS ROAD",
            "MAIN NORTH ROAD",
        ],
    },
    CountryTable {
        code: "US",
        name: "UNITED STATES OF AMERICA",
        towns: &["OMAHA", "DES MOINES", "FRESNO", "KANSAS CITY", "SEATTLE"],
        ports: &["LOS ANGELES", "OAKLAND", "SEATTLE", "LONG BEACH"],
        company_suffixes: &["INC.", "LLC", "CORP."],
        company_words: &["PRAIRIE", "HEARTLAND", "GOLDEN VALLEY", "MIDWEST", "SIERRA"],
        streets: &[
            "INDUSTRIAL PARKWAY",
            "COMMERCE DRIVE",
            "MAIN STREET",
            "RIVER ROAD",
        ],
    },
    CountryTable {
        code: "CA",
        name: "CANADA",
        towns: &[
            "GUELPH",
            "BRANDON",
            "RED DEER",
            "SAINT-HYACINTHE",
            "LETHBRIDGE",
        ],
        ports: &["VANCOUVER", "PRINCE RUPERT", "MONTREAL", "HALIFAX"],
        company_suffixes: &["INC.", "LTD.", "LTEE"],
        company_words: &[
            "MAPLE LEAF",
            "PRAIRIE GOLD",
            "NORTHERN",
            "LAURENTIAN",
            "ROCKY RIDGE",
        ],
        streets: &[
            "INDUSTRIAL ROAD",
            "RUE PRINCIPALE",
            "HIGHWAY 2",
            "QUEEN STREET",
        ],
    },
    CountryTable {
        code: "BR",
        name: "BRAZIL",
        towns: &["SANTOS", "BARRETOS", "CHAPECO", "SAO PAULO", "ARAGUAINA"],
        ports: &["SANTOS", "PARANAGUA", "ITAJAI", "RIO GRANDE"],
        company_suffixes: &["LTDA", "S.A."],
        company_words: &[
            "FRIGORIFICO SAO JOAO",
            "BOA ESPERANCA",
            "RIBEIRAO",
            "CONCEICAO",
            "VALE VERDE",
        ],
        streets: &[
            "RODOVIA BR-153 KM 12",
            "AVENIDA MARECHAL RONDON",
            "RUA PADRE ANCHIETA",
        ],
    },
    CountryTable {
        code: "AR",
        name: "ARGENTINA",
        towns: &["BUENOS AIRES", "ROSARIO", "MENDOZA", "NEUQUEN", "CORDOBA"],
        ports: &["BUENOS AIRES", "ROSARIO", "ZARATE", "SAN ANTONIO ESTE"],
        company_suffixes: &["S.A.", "S.R.L."],
        company_words: &[
            "LA PAMPA",
            "RIO NEGRO",
            "LOS ANDES",
            "SAN JORGE",
            "EL CEIBO",
        ],
        streets: &["AVENIDA SAN MARTIN", "RUTA NACIONAL 9", "CALLE BELGRANO"],
    },
    CountryTable {
        code: "UY",
        name: "URUGUAY",
        towns: &["MONTEVIDEO", "TACUAREMBO", "CANELONES", "PAYSANDU", "SALTO"],
        ports: &["MONTEVIDEO", "NUEVA PALMIRA"],
        company_suffixes: &["S.A.", "S.R.L."],
        company_words: &[
            "ORIENTAL",
            "LAS PIEDRAS",
            "RIO URUGUAY",
            "SANTA CLARA",
            "EL ESPINILLO",
        ],
        streets: &["RUTA 5 KM 38", "AVENIDA ITALIA", "CALLE RIVERA"],
    },
    CountryTable {
        code: "CL",
        name: "CHILE",
        towns: &["SANTIAGO", "RANCAGUA", "TALCA", "CURICO", "SAN ANTONIO"],
        ports: &["SAN ANTONIO", "VALPARAISO", "SAN VICENTE"],
        company_suffixes: &["S.A.", "SPA", "LTDA."],
        company_words: &[
            "ANDES SUR",
            "VALLE CENTRAL",
            "LOS AROMOS",
            "CORDILLERA",
            "MAIPO",
        ],
        streets: &[
            "CAMINO LONGITUDINAL SUR",
            "AVENIDA O'HIGGINS",
            "CALLE ESMERALDA",
        ],
    },
    CountryTable {
        code: "FR",
        name: "FRANCE",
        towns: &["RENNES", "LAMBALLE", "LYON", "TOULOUSE", "NANTES"],
        ports: &["LE HAVRE", "MARSEILLE-FOS", "MONTOIR-DE-BRETAGNE"],
        company_suffixes: &["SAS", "S.A.", "SARL"],
        company_words: &[
            "BRETAGNE VIANDES",
            "SALAISONS DU MIDI",
            "ARMOR",
            "LES PRES",
            "VAL DE LOIRE",
        ],
        streets: &[
            "RUE DE LA GARE",
            "ZONE INDUSTRIELLE NORD",
            "AVENUE JEAN JAURES",
        ],
    },
    CountryTable {
        code: "ES",
        name: "SPAIN",
        towns: &["ZARAGOZA", "LLEIDA", "MURCIA", "SALAMANCA", "VIC"],
        ports: &["VALENCIA", "BARCELONA", "ALGECIRAS", "BILBAO"],
        company_suffixes: &["S.L.", "S.A."],
        company_words: &[
            "CARNICAS DEL EBRO",
            "IBERICOS SALAMANCA",
            "EL PINAR",
            "LEVANTE",
            "OSONA",
        ],
        streets: &[
            "POLIGONO INDUSTRIAL LA NORIA",
            "CARRETERA N-II KM 468",
            "CALLE MAYOR",
        ],
    },
    CountryTable {
        code: "DE",
        name: "GERMANY",
        towns: &["HAMBURG", "OLDENBURG", "KEMPTEN", "MUNSTER", "KIEL"],
        ports: &["HAMBURG", "BREMERHAVEN"],
        company_suffixes: &["GMBH", "GMBH & CO. KG", "AG"],
        company_words: &["NORDMILCH", "ALLGAU", "WESERLAND", "HOLSTEIN", "EMSLAND"],
        streets: &[
            "INDUSTRIESTRASSE",
            "HAFENSTRASSE",
            "MOLKEREIWEG",
            "BAHNHOFSTRASSE",
        ],
    },
    CountryTable {
        code: "NL",
        name: "THE NETHERLANDS",
        towns: &["ROTTERDAM", "BOXTEL", "OSS", "ZWOLLE", "VEGHEL"],
        ports: &["ROTTERDAM", "AMSTERDAM", "VLISSINGEN"],
        company_suffixes: &["B.V.", "N.V."],
        company_words: &[
            "BRABANT",
            "DE KEMPEN",
            "VAN DEN BERG",
            "HOLLANDIA",
            "NOORDVLEES",
        ],
        streets: &["INDUSTRIEWEG", "HAVENSTRAAT", "KANAALDIJK", "STATIONSWEG"],
    },
    CountryTable {
        code: "DK",
        name: "DENMARK",
        towns: &["HORSENS", "ESBJERG", "AARHUS", "RANDERS", "VEJLE"],
        ports: &["AARHUS", "ESBJERG", "FREDERICIA"],
        company_suffixes: &["A/S", "APS"],
        company_words: &["JYLLAND", "NORDSO", "DANSK KOD", "LIMFJORD", "FYN"],
        streets: &["INDUSTRIVEJ", "HAVNEGADE", "SLAGTERIVEJ"],
    },
    CountryTable {
        code: "IE",
        name: "IRELAND",
        towns: &["CORK", "CAHIR", "ATHLEAGUE", "KILKENNY", "GALWAY"],
        ports: &["CORK", "DUBLIN"],
        company_suffixes: &["LIMITED", "LTD", "UNLIMITED COMPANY"],
        company_words: &["SHANNON", "GOLDEN VALE", "MUNSTER", "EMERALD", "BARROW"],
        streets: &["INDUSTRIAL ESTATE", "DOCK ROAD", "MAIN STREET"],
    },
    CountryTable {
        code: "GB",
        name: "UNITED KINGDOM",
        towns: &["HULL", "BRADFORD", "NORWICH", "CARLISLE", "LEEDS"],
        ports: &["SOUTHAMPTON", "FELIXSTOWE", "LONDON GATEWAY", "IMMINGHAM"],
        company_suffixes: &["LTD", "LIMITED", "PLC"],
        company_words: &["YORKSHIRE", "EAST ANGLIA", "PENNINE", "NORFOLK", "CUMBRIA"],
        streets: &["INDUSTRIAL ESTATE", "MILL LANE", "STATION ROAD"],
    },
    CountryTable {
        code: "RU",
        name: "RUSSIAN FEDERATION",
        towns: &[
            "VORONEZH",
            "BELGOROD",
            "KURSK",
            "VLADIVOSTOK",
            "NOVOSIBIRSK",
        ],
        ports: &["VLADIVOSTOK", "ZABAIKALSK", "SAINT PETERSBURG"],
        company_suffixes: &["LLC", "JSC"],
        company_words: &["CHERKIZOVO", "PRIOSKOLYE", "SIBERIAN", "PRIMORYE", "VOLGA"],
        streets: &[
            "PROMYSHLENNAYA STREET",
            "LENINA STREET",
            "ZAVODSKOY PROSPEKT",
        ],
    },
    CountryTable {
        code: "RO",
        name: "ROMANIA",
        towns: &["BUCURESTI", "CLUJ-NAPOCA", "TIMISOARA", "BRASOV", "IASI"],
        ports: &["CONSTANTA", "BUCURESTI OTOPENI"],
        company_suffixes: &["S.R.L.", "S.A."],
        company_words: &[
            "CARPATI",
            "TRANSILVANIA",
            "BANAT",
            "DOBROGEA",
            "MOLDOVA GENETICS",
        ],
        streets: &["STRADA FABRICII", "BULEVARDUL UNIRII", "CALEA FERENTARI"],
    },
    CountryTable {
        code: "NO",
        name: "NORWAY",
        towns: &["BERGEN", "ALESUND", "TRONDHEIM", "TROMSO", "OSLO"],
        ports: &["OSLO GARDERMOEN", "BERGEN", "ALESUND"],
        company_suffixes: &["AS", "ASA"],
        company_words: &["NORDFJORD", "HAVBRUK", "VESTLAND", "LOFOTEN", "FJORDLAKS"],
        streets: &["HAVNEGATA", "INDUSTRIVEIEN", "STRANDGATEN"],
    },
    CountryTable {
        code: "TH",
        name: "THAILAND",
        towns: &[
            "BANGKOK",
            "CHANTHABURI",
            "CHIANG MAI",
            "RAYONG",
            "NAKHON PATHOM",
        ],
        ports: &["LAEM CHABANG", "BANGKOK"],
        company_suffixes: &["CO., LTD.", "PUBLIC CO., LTD."],
        company_words: &[
            "SIAM FRESH",
            "CHAO PHRAYA",
            "GOLDEN ORCHARD",
            "EASTERN FRUIT",
            "LANNA",
        ],
        streets: &["SUKHUMVIT ROAD", "MOO 4 THEPHARAK ROAD", "RAMA II ROAD"],
    },
];

/// A generic table for a country the generator has no entry for.
pub(crate) const FALLBACK: CountryTable = CountryTable {
    code: "",
    name: "",
    towns: &["CAPITAL CITY", "PORT TOWN"],
    ports: &["MAIN PORT"],
    company_suffixes: &["LTD"],
    company_words: &["NATIONAL", "GOLDEN FIELDS", "RIVERSIDE"],
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

/// Confusable other countries for `wrong-country`: (template country, printed code, printed name).
pub(crate) const CONFUSABLE: &[(&str, &str, &str)] = &[
    ("AU", "AT", "AUSTRIA"),
    ("AT", "AU", "AUSTRALIA"),
    ("NZ", "AU", "AUSTRALIA"),
    ("US", "CA", "CANADA"),
    ("CA", "US", "UNITED STATES OF AMERICA"),
    ("BR", "AR", "ARGENTINA"),
    ("AR", "UY", "URUGUAY"),
    ("UY", "PY", "PARAGUAY"),
    ("CL", "PE", "PERU"),
    ("FR", "BE", "BELGIUM"),
    ("ES", "PT", "PORTUGAL"),
    ("DE", "AT", "AUSTRIA"),
    ("NL", "BE", "BELGIUM"),
    ("DK", "DE", "GERMANY"),
    ("IE", "GB", "UNITED KINGDOM"),
    ("GB", "IE", "IRELAND"),
    ("RU", "BY", "BELARUS"),
    ("RO", "MD", "MOLDOVA"),
    ("NO", "SE", "SWEDEN"),
    ("TH", "VN", "VIET NAM"),
];
