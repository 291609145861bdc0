// Constant tables of the corpus generator: the trade mix per kind of kabupaten/kota,
// issuing bodies, names and free text. Internal to corpus.cc.
#ifndef CAKAP_BENCH_CORPUS_TABLES_H_
#define CAKAP_BENCH_CORPUS_TABLES_H_

namespace cakap {
namespace corpus {
namespace tables {

// Weights are relative shares per kind of kabupaten/kota.

enum Profile { kRural = 0, kIndustrial = 1, kUrban = 2 };

// Kabupaten/kota whose labour market is dominated by coal mining, oil and gas, or heavy
// industry: welders, operators, mechanics and guards are far more common there.
inline constexpr const char* kIndustrialRegions[] = {
    "62.04", "62.05", "62.13", "63.01", "63.02", "63.03", "63.05", "63.09", "63.10",
    "63.11", "64.01", "64.02", "64.03", "64.07", "64.08", "64.71", "64.74", "65.01"};

struct TradeSpec {
  const char* family;
  int weight[3];           // rural, industrial, urban
  int female_percent;      // share of women (names, NIK)
  bool cert_heavy;         // licences are the norm in this trade (SIO, SKK, Gada)
  int issuer_percent[3];   // BNSP, KEMNAKER, OTHER
  const char* specs;       // "CODE:weight,..."; the family code alone is allowed
  const char* field;       // training field as free text
  const char* related;     // families a second skill is often drawn from
  const char* bnsp_bodies; // LSPs, '|'-separated
  const char* scheme_suffixes;  // '|'-separated, may be empty entries
};

inline constexpr TradeSpec kTrades[] = {
    {"LAS", {14, 28, 9}, 4, true, {72, 23, 5},
     "LAS:8,LAS.SMAW:40,LAS.GMAW:14,LAS.GTAW:14,LAS.FCAW:9,LAS.PIPA:9,LAS.OAW:5,"
     "LAS.INSPEKTOR:1",
     "pengelasan", "FAB,K3,KON,MEK", "LSP Migas|LSP Teknologi Las Indonesia|LSP Energi",
     "| 1G| 2G| 3G| 3G| 6G"},
    {"OAB", {7, 20, 5}, 4, true, {55, 30, 15},
     "OAB:4,OAB.EXCAVATOR:38,OAB.DUMPTRUCK:24,OAB.BULLDOZER:10,OAB.WHEELLOADER:8,"
     "OAB.GRADER:5,OAB.FORKLIFT:7,OAB.CRANE:3,OAB.COMPACTOR:1",
     "alat berat", "MEK,SOPIR,K3,TBG", "LSP Pertambangan|LSP Alat Berat Indonesia", ""},
    {"MEK", {7, 10, 7}, 3, false, {50, 40, 10},
     "MEK:10,MEK.MOBIL:35,MEK.DIESEL:22,MEK.ALATBERAT:25,MEK.KELISTRIKAN:8", "otomotif",
     "SPM,OAB,LST", "LSP Otomotif|LSP Pertambangan", ""},
    {"SPM", {7, 5, 7}, 3, false, {45, 45, 10},
     "SPM:20,SPM.INJEKSI:45,SPM.KARBURATOR:15,SPM.KELISTRIKAN:20", "sepeda motor",
     "MEK,SOPIR", "LSP Otomotif", ""},
    {"DGR", {2, 2, 6}, 45, false, {55, 20, 25},
     "DGR:15,DGR.ADOBE:35,DGR.CORELDRAW:25,DGR.VIDEO:17,DGR.PERCETAKAN:8", "desain grafis",
     "RTL", "LSP Desain Grafis Indonesia|LSP Teknologi Digital", ""},
    {"SATPAM", {7, 13, 10}, 12, true, {40, 25, 35},
     "SATPAM:6,SATPAM.GADAPRATAMA:70,SATPAM.GADAMADYA:19,SATPAM.GADAUTAMA:5",
     "keamanan", "K3,SOPIR", "LSP Satpam Indonesia|LSP Profesi Keamanan", ""},
    {"JHT", {6, 3, 6}, 80, false, {50, 40, 10},
     "JHT:25,JHT.MESIN:30,JHT.PAKAIAN:30,JHT.BORDIR:15", "tata busana", "RTL",
     "LSP Garmen Indonesia", ""},
    {"MSK", {6, 4, 8}, 55, false, {60, 30, 10},
     "MSK:25,MSK.CHEF:10,MSK.PASTRY:25,MSK.HELPER:40", "tata boga", "PRS,TGR",
     "LSP Pariwisata Kalimantan|LSP Tata Boga", ""},
    {"TGR", {3, 3, 6}, 60, false, {60, 30, 10},
     "TGR:20,TGR.ROOM:30,TGR.LAUNDRY:20,TGR.PUBLICAREA:30", "tata graha", "MSK,PRS",
     "LSP Pariwisata Kalimantan|LSP Perhotelan", ""},
    {"TBG", {3, 11, 1}, 8, true, {55, 30, 15},
     "TBG:30,TBG.JURULEDAK:12,TBG.PENGAWAS:25,TBG.BOR:23,TBG.SURVEY:10", "pertambangan",
     "OAB,K3,MEK", "LSP Pertambangan|LSP Energi", ""},
    {"KON", {10, 8, 9}, 5, false, {55, 35, 10},
     "KON:20,KON.BATU:12,KON.KAYU:12,KON.PERANCAH:6,KON.PLUMBING:8,KON.BEKISTING:6,"
     "KON.BESI:6,KON.BETON:8,KON.CAT:6,KON.BAJARINGAN:5,KON.KERAMIK:5,KON.RIGGER:3,"
     "KON.PELAKSANA:2,KON.DRAFTER:1",
     "konstruksi", "LAS,LST,K3", "LSP Konstruksi|LSP Gatensi", ""},
    {"RTL", {7, 4, 11}, 70, false, {50, 30, 20},
     "RTL:20,RTL.KASIR:35,RTL.PRAMUNIAGA:25,RTL.SPG:15,RTL.SUPERVISOR:5", "ritel",
     "GDG,ADM", "LSP Ritel Indonesia", ""},
    {"PKR", {3, 2, 4}, 10, false, {40, 40, 20}, "PKR:1", "pangkas rambut", "TRR",
     "LSP Kecantikan Indonesia", ""},
    {"LST", {5, 6, 5}, 6, true, {55, 35, 10},
     "LST:20,LST.INSTALASI:40,LST.INDUSTRI:20,LST.JARINGAN:10,LST.PEMBANGKIT:10",
     "kelistrikan", "K3,RAC,KON", "LSP Ketenagalistrikan|LSP Energi", ""},
    {"K3", {2, 6, 3}, 25, true, {50, 45, 5},
     "K3:15,K3.PETUGAS:25,K3.AHLIUMUM:10,K3.P3K:15,K3.KEBAKARAN:12,K3.KETINGGIAN:12,"
     "K3.RUANGTERBATAS:6,K3.KONSTRUKSI:3,K3.LISTRIK:2",
     "keselamatan kerja", "TBG,OAB,LAS", "LSP K3 Indonesia|LSP Migas", ""},
    {"SAWIT", {12, 5, 1}, 25, false, {45, 40, 15},
     "SAWIT:30,SAWIT.PANEN:30,SAWIT.RAWAT:25,SAWIT.MANDOR:7,SAWIT.PKS:8", "perkebunan",
     "SOPIR,TAN", "LSP Perkebunan", ""},
    {"SOPIR", {6, 6, 6}, 4, false, {40, 40, 20},
     "SOPIR:20,SOPIR.MOBIL:35,SOPIR.TRUK:30,SOPIR.BUS:5,SOPIR.MOTOR:10", "mengemudi",
     "OAB,SPM", "LSP Transportasi Darat", ""},
};

// Training and licensing bodies by province (BLK/BLKI are Kemnaker's).
inline constexpr const char* kBlkByProvince[][4] = {
    {"61", "UPTD BLK Pontianak", "BLK Sambas", "BLK Singkawang"},
    {"62", "UPTD BLK Palangka Raya", "BLK Kotawaringin Timur", "BLK Kapuas"},
    {"63", "BLK Balangan", "BLK Tabalong", "UPTD BLK Banjarbaru"},
    {"64", "BLKI Balikpapan", "UPTD BLK Samarinda", "BLK Bontang"},
    {"65", "BLK Tarakan", "UPTD BLK Bulungan", "BLKI Balikpapan"},
};
inline constexpr const char* kOtherBodies[] = {
    "LPK Sandy", "LPK Borneo Skill Center", "LPK Mandiri Jaya", "LPK Cahaya Mahakam",
    "PT Bina Karya Training Center", "BUJP Garda Borneo"};

inline constexpr const char* kMaleGiven[] = {
    "Muhammad", "Ahmad", "Budi", "Rizky", "Agus", "Dedi", "Hendra", "Fajar", "Andi",
    "Yusuf", "Arif", "Rahmat", "Syahrul", "Bayu", "Eko", "Iwan", "Joko", "Hasan",
    "Abdul", "Rudi", "Yohanes", "Markus", "Dimas", "Ilham", "Fikri", "Herman", "Wahyu",
    "Gusti", "Aldi", "Taufik", "Irfan", "Daniel", "Stefanus", "Nanang", "Zainal"};
inline constexpr const char* kFemaleGiven[] = {
    "Siti", "Nur", "Dewi", "Rina", "Fitri", "Aisyah", "Putri", "Maya", "Lestari",
    "Yuliana", "Ani", "Sri", "Rahmah", "Nadia", "Ratna", "Wulan", "Elisabet", "Maria",
    "Indah", "Novita", "Hartini", "Rosmini", "Aulia", "Salsabila"};
inline constexpr const char* kMaleFamily[] = {
    "Saputra", "Hidayat", "Rahman", "Pratama", "Setiawan", "Wijaya", "Kurniawan",
    "Nugroho", "Fauzi", "Hakim", "Ramadhan", "Syahputra", "Gunawan", "Firmansyah",
    "Noor", "Effendi", "Mahmud", "Anshari", "Tambunan", "Simanjuntak", "Lumban Gaol",
    "Ngau", "Ding", "Sulaiman", "Iskandar", "Hamdani", "Maulana"};
inline constexpr const char* kFemaleFamily[] = {
    "Lestari", "Sari", "Rahmawati", "Wulandari", "Handayani", "Puspita", "Anggraini",
    "Susanti", "Hidayah", "Fitriani", "Maharani", "Noor", "Kartika", "Utami",
    "Rahmadani", "Safitri"};

// Skill entries that name no skill: what people write in a free-text skills box.
inline constexpr const char* kFreeText[] = {
    "bisa nyetir", "rajin dan jujur", "siap kerja lembur", "siap ditempatkan di site",
    "pengalaman kerja 2 tahun", "bisa bahasa inggris", "serabutan", "mau belajar",
    "disiplin", "siap kerja shift"};

inline constexpr const char* kEmployers[] = {
    "PT Borneo Karya Mandiri", "PT Kalimantan Prima Tambang", "CV Sinar Mahakam",
    "PT Banua Teknik Utama", "PT Etam Jaya Konstruksi", "PT Khatulistiwa Agro Lestari",
    "CV Barito Makmur", "PT Tarakan Marine Service", "PT Sarana Energi Borneo",
    "Koperasi Karyawan Balangan Sejahtera", "PT Kayan Hydro Nusantara",
    "PT Nusantara Garda Pratama", "Hotel Mahakam Indah", "Toko Sumber Rezeki"};

inline constexpr const char* kPhonePrefixes[] = {"0811", "0812", "0813", "0821", "0822", "0852",
                                          "0853", "0857", "0858", "0877", "0878", "0895",
                                          "0896", "0838", "0831", "0881"};

}  // namespace tables
}  // namespace corpus
}  // namespace cakap

#endif  // CAKAP_BENCH_CORPUS_TABLES_H_
