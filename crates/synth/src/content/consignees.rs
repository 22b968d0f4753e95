//! Chinese importers (invented) and their ports of destination.

/// An importer in China.
pub(crate) struct Consignee {
    /// English company name.
    pub name: &'static str,
    /// English postal address.
    pub address: &'static str,
    /// Chinese company name.
    pub name_zh: &'static str,
    /// Port of destination as printed.
    pub port: &'static str,
}

/// Every importer.
pub(crate) const CONSIGNEES: &[Consignee] = &[
    Consignee {
        name: "Shanghai Haixin Food Import & Export Co., Ltd.",
        address: "No. 88 Yangshupu Road, Yangpu District, Shanghai 200082, China",
        name_zh: "上海海鑫食品进出口有限公司",
        port: "Shanghai (Yangshan), China",
    },
    Consignee {
        name: "Qingdao Lanhai Cold Chain Logistics Co., Ltd.",
        address: "No. 16 Huangpu Road, Shibei District, Qingdao, Shandong 266000, China",
        name_zh: "青岛蓝海冷链物流有限公司",
        port: "Qingdao, China",
    },
    Consignee {
        name: "Tianjin Jinghua Trading Co., Ltd.",
        address: "Room 1203, No. 6 Heping Road, Heping District, Tianjin 300040, China",
        name_zh: "天津京华贸易有限公司",
        port: "Tianjin (Xingang), China",
    },
    Consignee {
        name: "Guangzhou Yuecheng Meat Products Co., Ltd.",
        address: "No. 233 Huangpu Avenue West, Tianhe District, Guangzhou 510620, China",
        name_zh: "广州粤诚肉类制品有限公司",
        port: "Guangzhou (Nansha), China",
    },
    Consignee {
        name: "Dalian Beifang Foods Co., Ltd.",
        address: "No. 7 Gangwan Street, Zhongshan District, Dalian, Liaoning 116001, China",
        name_zh: "大连北方食品有限公司",
        port: "Dalian, China",
    },
    Consignee {
        name: "Xiamen Haicang Import & Export Co., Ltd.",
        address: "No. 51 Xinyang Road, Haicang District, Xiamen, Fujian 361026, China",
        name_zh: "厦门海沧进出口有限公司",
        port: "Xiamen, China",
    },
];

/// Container vessels (mostly real ship names, as printed on bills of lading).
pub(crate) const VESSELS: &[&str] = &[
    "MSC ISABELLA",
    "MAERSK SANTANA",
    "CMA CGM TAGE",
    "COSCO SHIPPING ARIES",
    "ONE HAMBURG",
    "HMM ALGECIRAS",
    "MSC GÜLSÜN",
    "CAP SAN LORENZO",
];

/// Container owner codes with category letter U (reefer lines).
pub(crate) const CONTAINER_OWNERS: &[&str] = &[
    "MSKU", "MSCU", "MAEU", "CMAU", "TGHU", "HLXU", "SUDU", "ONEU", "CAIU", "TRIU", "SEGU", "CXRU",
];

/// Seal number patterns (`#` digit, `@` capital).
pub(crate) const SEALS: &[&str] = &[
    "ML-BR#######",
    "H#######",
    "EU########",
    "SL #######",
    "CN######",
];
