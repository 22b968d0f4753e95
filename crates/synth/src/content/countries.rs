//! Exporting countries: their authorities, exporters, officials, number and
//! date habits. Names and addresses are invented.

use crate::formats::{DateStyle, NumberStyle};

/// An exporting establishment.
pub(crate) struct Exporter {
    /// Company name.
    pub name: &'static str,
    /// Postal address on one line (wrapped by the layout).
    pub address: &'static str,
}

/// How an exporting country's certificates look.
pub(crate) struct Country {
    /// Short English name, e.g. "Brazil".
    pub name: &'static str,
    /// Name in the title's upper case, e.g. "BRAZIL".
    pub name_upper: &'static str,
    /// Chinese name, e.g. "巴西".
    pub name_zh: &'static str,
    /// Header lines naming the issuing authority (local language, then English).
    pub authority: &'static [&'static str],
    /// Exporting establishments.
    pub exporters: &'static [Exporter],
    /// Establishment number patterns: `#` is a random digit, `@` a random capital.
    pub establishments: &'static [&'static str],
    /// Ports of loading.
    pub ports: &'static [&'static str],
    /// Places where certificates are issued.
    pub places: &'static [&'static str],
    /// Certifying officials.
    pub officers: &'static [&'static str],
    /// Title printed under the official's name.
    pub officer_title: &'static str,
    /// Text around the stamp's ring.
    pub stamp_ring: &'static [&'static str],
    /// Short text in the stamp's centre.
    pub stamp_centre: &'static [&'static str],
    /// Certificate number patterns (`#` digit, `@` capital, `YYYY` the year).
    pub numbers: &'static [&'static str],
    /// How weights and counts are printed.
    pub number_style: NumberStyle,
    /// The usual date style.
    pub date_style: DateStyle,
}

/// Every exporting country.
pub(crate) const COUNTRIES: &[Country] = &[
    Country {
        name: "Brazil",
        name_upper: "BRAZIL",
        name_zh: "巴西",
        authority: &[
            "MINISTÉRIO DA AGRICULTURA E PECUÁRIA",
            "Ministry of Agriculture and Livestock – Federative Republic of Brazil",
            "Secretaria de Defesa Agropecuária – Serviço de Inspeção Federal",
        ],
        exporters: &[
            Exporter {
                name: "Frigorífico São João Ltda",
                address: "Rodovia BR-153, Km 12, Zona Rural, Araguaína – TO, 77804-970, Brasil",
            },
            Exporter {
                name: "Frigorífico Boa Esperança S.A.",
                address: "Avenida Marechal Rondon, 1450, Barretos – SP, 14780-000, Brasil",
            },
            Exporter {
                name: "Cooperativa Agroindustrial Conceição",
                address: "Rua Padre Anchieta, 320, Chapecó – SC, 89802-112, Brasil",
            },
            Exporter {
                name: "Indústria de Carnes Ribeirão Ltda",
                address: "Estrada Municipal João Gonçalves, s/n, Ribeirão Preto – SP, 14097-500, Brasil",
            },
        ],
        establishments: &["SIF ####", "SIF ###", "S.I.F. ####"],
        ports: &["Santos, Brazil", "Paranaguá, Brazil", "Itajaí, Brazil", "Rio Grande, Brazil"],
        places: &["Santos", "Barretos", "Chapecó", "São Paulo", "Araguaína"],
        officers: &[
            "Dr. João Carlos Pereira",
            "Dra. Ana Luíza Gonçalves",
            "Dr. Sebastião Araújo Brandão",
            "Dra. Mônica Conceição Lima",
        ],
        officer_title: "Auditor Fiscal Federal Agropecuário – Médico Veterinário",
        stamp_ring: &["MINISTÉRIO DA AGRICULTURA E PECUÁRIA", "SERVIÇO DE INSPEÇÃO FEDERAL"],
        stamp_centre: &["SIF", "BRASIL", "MAPA"],
        numbers: &["BR-YYYY/######", "#######/YYYY-SIF", "BR YYYY ######"],
        number_style: NumberStyle::DotThousands,
        date_style: DateStyle::DaySlash,
    },
    Country {
        name: "Germany",
        name_upper: "GERMANY",
        name_zh: "德国",
        authority: &[
            "BUNDESREPUBLIK DEUTSCHLAND",
            "Veterinär- und Lebensmittelüberwachungsamt / Veterinary and Food Control Office",
            "Landkreis Vechta – Fachbereich Veterinärwesen",
        ],
        exporters: &[
            Exporter {
                name: "Müller & Söhne GmbH",
                address: "Hauptstraße 12, 49377 Vechta, Deutschland",
            },
            Exporter {
                name: "Fleischwerk Schröder GmbH & Co. KG",
                address: "Industriestraße 7, 33378 Rheda-Wiedenbrück, Deutschland",
            },
            Exporter {
                name: "Süddeutsches Fleischkontor AG",
                address: "Äußere Münchener Straße 48, 83026 Rosenheim, Deutschland",
            },
            Exporter {
                name: "Schlachthof Lübbecke GmbH",
                address: "Gewerbering Nord 3, 32312 Lübbecke, Deutschland",
            },
        ],
        establishments: &["DE NI #### EG", "DE NW ##### EG", "DE BY ### EG"],
        ports: &["Hamburg, Germany", "Bremerhaven, Germany"],
        places: &["Vechta", "Rheda-Wiedenbrück", "Rosenheim", "Lübbecke"],
        officers: &[
            "Dr. Jürgen Schäfer",
            "Dr. Käthe Böhm",
            "Dr. Björn Müller-Lüdenscheid",
            "Dr. Günther Weiß",
        ],
        officer_title: "Amtstierarzt / Official Veterinarian",
        stamp_ring: &["VETERINÄRAMT LANDKREIS VECHTA", "LEBENSMITTELÜBERWACHUNG"],
        stamp_centre: &["DE", "VET"],
        numbers: &["DE/NI/YYYY/#####", "DE-YYYY-######", "VET ####/YYYY"],
        number_style: NumberStyle::DotThousands,
        date_style: DateStyle::DayDot,
    },
    Country {
        name: "France",
        name_upper: "FRANCE",
        name_zh: "法国",
        authority: &[
            "RÉPUBLIQUE FRANÇAISE",
            "Ministère de l'Agriculture et de la Souveraineté alimentaire",
            "Direction départementale de la protection des populations du Finistère",
        ],
        exporters: &[
            Exporter {
                name: "Coopérative Agricole de Bretagne",
                address: "Zone Artisanale de Kerhuel, 29260 Lesneven, France",
            },
            Exporter {
                name: "Abattoir du Léon SAS",
                address: "Rue de la Gare, 29800 Landerneau, France",
            },
            Exporter {
                name: "Société des Viandes Périgourdines SARL",
                address: "Avenue Jean Jaurès 14, 24000 Périgueux, France",
            },
            Exporter {
                name: "Établissements Lefèvre & Fils",
                address: "Boulevard de l'Hôpital 3, 72000 Le Mans, France",
            },
        ],
        establishments: &["FR ##.###.### CE", "FR ##.###.###"],
        ports: &["Le Havre, France", "Brest, France", "Marseille-Fos, France"],
        places: &["Brest", "Quimper", "Périgueux", "Le Mans"],
        officers: &[
            "Dr. Hélène Lefèvre",
            "Dr. François Mercier",
            "Dr. Amélie Garçon",
            "Dr. Jérôme Bézier",
        ],
        officer_title: "Vétérinaire officiel / Official Veterinarian",
        stamp_ring: &["DIRECTION DÉPARTEMENTALE", "PROTECTION DES POPULATIONS"],
        stamp_centre: &["RF", "DDPP"],
        numbers: &["FR-29-YYYY-#####", "FR/YYYY/CN/######"],
        number_style: NumberStyle::SpaceThousands,
        date_style: DateStyle::DaySlash,
    },
    Country {
        name: "Spain",
        name_upper: "SPAIN",
        name_zh: "西班牙",
        authority: &[
            "MINISTERIO DE AGRICULTURA, PESCA Y ALIMENTACIÓN",
            "Ministry of Agriculture, Fisheries and Food – Kingdom of Spain",
            "Subdirección General de Acuerdos Sanitarios y Control en Frontera",
        ],
        exporters: &[
            Exporter {
                name: "Señorío de Castilla S.A.",
                address: "Polígono Industrial El Olivar, parcela 14, 37300 Peñaranda de Bracamonte (Salamanca), España",
            },
            Exporter {
                name: "Cárnicas Peñalver S.L.",
                address: "Carretera de Logroño, km 3,5, 50011 Zaragoza, España",
            },
            Exporter {
                name: "Industrias Cárnicas Montaña Alavesa S.A.",
                address: "Calle Mayor 27, 01110 Santa Cruz de Campezo (Álava), España",
            },
            Exporter {
                name: "Jamones y Embutidos Núñez S.L.",
                address: "Avenida de Andalucía 112, 41007 Sevilla, España",
            },
        ],
        establishments: &["ES 10.#####/SA CE", "ES 10.#####/Z CE", "ES 10.####/SE"],
        ports: &["Valencia, Spain", "Algeciras, Spain", "Barcelona, Spain"],
        places: &["Salamanca", "Zaragoza", "Vitoria-Gasteiz", "Sevilla"],
        officers: &[
            "Dra. María José Ibáñez",
            "Dr. José Luis Muñoz",
            "Dra. Begoña Echeverría",
            "Dr. Íñigo Martínez Peña",
        ],
        officer_title: "Veterinario Oficial / Official Veterinarian",
        stamp_ring: &["SERVICIO VETERINARIO OFICIAL", "REINO DE ESPAÑA"],
        stamp_centre: &["ES", "SVO"],
        numbers: &["ES/YYYY/CHN/######", "ES-YYYY-#####"],
        number_style: NumberStyle::DotThousands,
        date_style: DateStyle::DaySlash,
    },
    Country {
        name: "Argentina",
        name_upper: "ARGENTINA",
        name_zh: "阿根廷",
        authority: &[
            "SERVICIO NACIONAL DE SANIDAD Y CALIDAD AGROALIMENTARIA",
            "SENASA – República Argentina",
        ],
        exporters: &[
            Exporter {
                name: "Frigorífico Las Piedras S.A.",
                address: "Ruta Nacional 5, km 96, Mercedes, Provincia de Buenos Aires, Argentina",
            },
            Exporter {
                name: "Compañía Bovina del Plata S.A.",
                address: "Avenida General Paz 1250, Córdoba, Argentina",
            },
            Exporter {
                name: "Frigorífico Pampa Güemes S.R.L.",
                address: "Calle Belgrano 455, Rosario, Santa Fe, Argentina",
            },
        ],
        establishments: &["Establecimiento N° ####", "Est. N° ###"],
        ports: &["Buenos Aires, Argentina", "Zárate, Argentina", "Rosario, Argentina"],
        places: &["Buenos Aires", "Rosario", "Mercedes"],
        officers: &[
            "Dr. Nicolás Agüero",
            "Dra. Lucía Fernández Oyarzún",
            "Dr. Martín Peñaloza",
        ],
        officer_title: "Veterinario Oficial SENASA",
        stamp_ring: &["SENASA", "REPÚBLICA ARGENTINA"],
        stamp_centre: &["SENASA", "AR"],
        numbers: &["ARYYYY-######", "SENASA ######/YYYY"],
        number_style: NumberStyle::DotThousands,
        date_style: DateStyle::DaySlash,
    },
    Country {
        name: "the United States",
        name_upper: "THE UNITED STATES",
        name_zh: "美国",
        authority: &[
            "UNITED STATES DEPARTMENT OF AGRICULTURE",
            "Food Safety and Inspection Service",
        ],
        exporters: &[
            Exporter {
                name: "Great Plains Beef Company LLC",
                address: "1200 Packers Avenue, Dodge City, KS 67801, USA",
            },
            Exporter {
                name: "Prairie Harvest Pork, Inc.",
                address: "45 Industrial Parkway, Sioux Center, IA 51250, USA",
            },
            Exporter {
                name: "Blue Ridge Poultry Processors, Inc.",
                address: "800 Mill Road, Gainesville, GA 30501, USA",
            },
        ],
        establishments: &["EST. ###@", "EST. ####", "EST. P-####"],
        ports: &["Long Beach, CA, USA", "Savannah, GA, USA", "Seattle, WA, USA"],
        places: &["Dodge City, Kansas", "Des Moines, Iowa", "Atlanta, Georgia"],
        officers: &[
            "Dr. Robert J. Miller",
            "Dr. Sarah K. Thompson",
            "Dr. José A. Ramírez",
        ],
        officer_title: "Veterinary Medical Officer, USDA FSIS",
        stamp_ring: &["U.S. DEPARTMENT OF AGRICULTURE", "FOOD SAFETY AND INSPECTION SERVICE"],
        stamp_centre: &["USDA", "FSIS"],
        numbers: &["US-YYYY-######", "A-#######"],
        number_style: NumberStyle::CommaThousands,
        date_style: DateStyle::MonthSlash,
    },
    Country {
        name: "Australia",
        name_upper: "AUSTRALIA",
        name_zh: "澳大利亚",
        authority: &[
            "AUSTRALIAN GOVERNMENT",
            "Department of Agriculture, Fisheries and Forestry",
        ],
        exporters: &[
            Exporter {
                name: "Southern Cross Meat Exports Pty Ltd",
                address: "14 Abattoir Road, Wagga Wagga NSW 2650, Australia",
            },
            Exporter {
                name: "Darling Downs Beef Pty Ltd",
                address: "238 Drayton Road, Toowoomba QLD 4350, Australia",
            },
        ],
        establishments: &["EST. ###", "EST. ####"],
        ports: &["Brisbane, Australia", "Melbourne, Australia", "Fremantle, Australia"],
        places: &["Brisbane", "Sydney", "Toowoomba"],
        officers: &["Dr. Emily O'Connor", "Dr. Liam McKenzie", "Dr. Chloé Nguyen"],
        officer_title: "Authorised Officer / Official Veterinarian",
        stamp_ring: &["DEPARTMENT OF AGRICULTURE", "COMMONWEALTH OF AUSTRALIA"],
        stamp_centre: &["AUS", "DAFF"],
        numbers: &["AUYYYY#######", "AU-YYYY-######"],
        number_style: NumberStyle::CommaThousands,
        date_style: DateStyle::DayMonthName,
    },
    Country {
        name: "Portugal",
        name_upper: "PORTUGAL",
        name_zh: "葡萄牙",
        authority: &[
            "REPÚBLICA PORTUGUESA",
            "Direção-Geral de Alimentação e Veterinária (DGAV)",
        ],
        exporters: &[
            Exporter {
                name: "Salsicharia Leão & Irmãos Lda",
                address: "Rua da Conceição 45, 3000-124 Coimbra, Portugal",
            },
            Exporter {
                name: "Matadouro Regional do Mondego S.A.",
                address: "Estrada Nacional 17, 3150-194 Condeixa-a-Nova, Portugal",
            },
            Exporter {
                name: "Carnes Montanhão Lda",
                address: "Zona Industrial de Guimarães, Lote 8, 4835-044 Guimarães, Portugal",
            },
        ],
        establishments: &["PT M ### CE", "PT S ## CE"],
        ports: &["Leixões, Portugal", "Lisboa, Portugal", "Sines, Portugal"],
        places: &["Coimbra", "Lisboa", "Guimarães"],
        officers: &["Dr. João Gonçalves Simões", "Dra. Inês Conceição Antão"],
        officer_title: "Médico Veterinário Oficial / Official Veterinarian",
        stamp_ring: &["DIREÇÃO-GERAL DE ALIMENTAÇÃO", "E VETERINÁRIA"],
        stamp_centre: &["DGAV", "PT"],
        numbers: &["PT/YYYY/#####", "DGAV-YYYY-######"],
        number_style: NumberStyle::SpaceThousands,
        date_style: DateStyle::DaySlash,
    },
];
