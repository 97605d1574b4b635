#!/usr/bin/env python3
"""Generate the English person-name corpus shipped with spacy_elman.

Every name list, template and near-miss list below was written for this
project; nothing is taken from CoNLL-2003, WNUT-17, the hand-written check set
(``corpus/checkset``) or any other corpus.  The output is released under CC0
(see corpus/README.md, which also describes the design).

Usage::

    python corpus/make_corpus.py                # writes next to this script
    python corpus/make_corpus.py --out DIR --seed 13

Writes ``train.conll`` and ``dev.conll`` (``token<TAB>tag``, IOB2 with
``B-NAME``/``I-NAME``/``O``, blank line between sentences).  ``sample.txt`` is
hand-written and not generated.

Diversity over volume: names of 36 origin groups in many forms, made-up names
and places, fixed templates in many genres plus compositional frames whose
person slots are sometimes filled with non-persons, and many negatives
(places, companies and things named after people, given names used as words).

Sentences are built as text, tokenised with ``spacy.blank("en")`` and tagged
from the character offsets of the inserted names, so the tokens are exactly
what spaCy's English tokenizer produces for raw text.  The generator is
deterministic: the same seed and spaCy version give byte-identical files.

A tenth of the listed first names and surnames of every origin are held out
of ``train.conll``; ``dev.conll`` draws most of its people from them and from
its own made-up names, so dev scores measure generalisation to unseen names.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 20240611
DEFAULT_N_TRAIN = 48000
DEFAULT_N_DEV = 1000
DEFAULT_HOLDOUT = 0.0  # every listed name can be trained on (corpus/README.md, "Held-out names")
NAME_TAG = "NAME"
CHECKSET_DIR = Path(__file__).resolve().parent / "checkset"


def _split(text: str) -> list[str]:
    """Split a comma-separated, hand-written list; drop duplicates."""
    out: list[str] = []
    for item in text.split(","):
        item = " ".join(item.split())
        if item and item not in out:
            out.append(item)
    return out


# ---------------------------------------------------------------------------
# Names.  Keys are loose origin groups; first names and surnames are paired by
# origin most of the time so that generated people look plausible.
# ---------------------------------------------------------------------------

FIRST_NAMES: dict[str, list[str]] = {
    "english": _split(
        """James, Mary, John, Patricia, Robert, Jennifer, Michael, Linda,
        William, Elizabeth, David, Barbara, Richard, Susan, Thomas, Jessica,
        Charles, Sarah, Christopher, Karen, Daniel, Emily, Matthew, Hannah,
        Oliver, Charlotte, George, Amelia, Harry, Olivia, Jack, Sophie, Liam,
        Chloe, Ethan, Megan, Noah, Grace, Ryan, Abigail, Tyler, Madison,
        Brandon, Kayla, Logan, Brooke, Dylan, Paige, Nathan, Lauren, Jordan,
        Florence, Victoria, Georgia, Paris, Rose, Mark, Frank, Austin, Sydney,
        Hope, April, June, Morgan, Mary-Kate, Billy-Joe, Edith, Walter,
        Doris, Harold, Agnes, Clive, Nigel, Wendy, Trevor"""
    ),
    "celtic": _split(
        """Siobhan, Niamh, Aoife, Ciaran, Declan, Eoin, Padraig, Saoirse,
        Fiona, Callum, Eilidh, Hamish, Angus, Isla, Rhys, Gareth, Bethan,
        Dafydd, Cerys, Seamus, Orla, Ruairi, Mairead, Ffion"""
    ),
    "spanish": _split(
        """José, María, Juan, Carmen, Luis, Lucía, Carlos, Sofía, Javier,
        Valentina, Alejandro, Camila, Diego, Isabel, Miguel, Ximena, Mateo,
        Guadalupe, Santiago, Paola, Andrés, Fernanda, Rodrigo, Daniela,
        Pablo, Catalina, Jorge, Renata, Emilio, Marisol, Juan Carlos,
        María José, Itziar, Iñaki"""
    ),
    "portuguese": _split(
        """João, Ana, Pedro, Beatriz, Tiago, Leonor, Gonçalo, Mariana, Rafael,
        Larissa, Thiago, Gabriela, Luíza, Caio, Vitória, Rui, Inês, Duarte"""
    ),
    "french": _split(
        """Jean, Marie, Pierre, Camille, Louis, Chloé, Antoine, Margaux,
        Julien, Élodie, Mathieu, Amélie, Théo, Manon, Hugo, Baptiste, Céline,
        Jean-Pierre, Marie-Claire, Anne-Sophie, François, Sylvie, Benoît,
        Gaëlle, Yannick, Solène"""
    ),
    "german": _split(
        """Hans, Anna, Lukas, Lena, Jonas, Leonie, Felix, Mia, Maximilian,
        Tobias, Katharina, Jürgen, Ursula, Wolfgang, Sabine, Dieter, Heike,
        Florian, Anja, Matthias, Greta, Anna-Lena, Karl-Heinz, Gisela, Uwe,
        Friederike"""
    ),
    "dutch": _split(
        """Jan, Femke, Pieter, Sanne, Joost, Anouk, Bram, Lotte, Maarten,
        Ilse, Sjoerd, Marieke"""
    ),
    "italian": _split(
        """Giuseppe, Giulia, Marco, Chiara, Alessandro, Francesca, Lorenzo,
        Martina, Matteo, Alessia, Giovanni, Elena, Luca, Federica, Davide,
        Sara, Stefano, Beatrice, Riccardo, Giorgia, Gianluca, Ludovica,
        Salvatore, Annalisa"""
    ),
    "slavic": _split(
        """Ivan, Olga, Dmitri, Natalia, Sergei, Tatiana, Alexei, Svetlana,
        Mikhail, Yulia, Piotr, Agnieszka, Krzysztof, Małgorzata, Tomasz,
        Zofia, Wojciech, Katarzyna, Jakub, Ewa, Jiří, Petra, Ondřej, Tereza,
        Oksana, Bohdan, Taras, Milica, Nikola, Dragan, Ivana, Goran, Bojana,
        Stanislav, Lyudmila, Vesna"""
    ),
    "hungarian": _split("""Zsófia, Bence, László, Katalin, Gergely, Réka, Attila, Eszter"""),
    "arabic": _split(
        """Mohammed, Fatima, Ahmed, Aisha, Omar, Layla, Ali, Mariam, Hassan,
        Noor, Youssef, Salma, Khalid, Huda, Tariq, Rania, Ibrahim, Amira,
        Karim, Yasmin, Zainab, Abdullah, Hamza, Samira, Bilal, Dalia, Walid,
        Lina"""
    ),
    "turkish": _split(
        """Mehmet, Ayşe, Mustafa, Elif, Emre, Zeynep, Burak, Merve, Can, Ebru,
        Ömer, Selin, Kemal, Derya, Oğuz, Gül, Cem, Deniz, Murat, Esra, Hakan,
        Büşra"""
    ),
    "persian": _split(
        """Reza, Maryam, Dariush, Shirin, Arash, Parisa, Kourosh, Niloufar,
        Babak, Azadeh, Farhad, Roya, Mehdi, Golnar, Siavash, Nasrin, Kaveh,
        Shabnam"""
    ),
    "indian": _split(
        """Priya, Rahul, Ananya, Arjun, Deepika, Vikram, Kavya, Rohan,
        Aishwarya, Sanjay, Lakshmi, Ravi, Meera, Amit, Pooja, Suresh, Divya,
        Karthik, Sunita, Aditya, Harpreet, Gurpreet, Manpreet, Rajesh, Shreya,
        Venkatesh, Anjali, Arvind, Nandini, Siddharth, Tanvi, Prakash,
        Ishaan, Swati, Abhishek, Farhan"""
    ),
    "chinese": _split(
        """Wei, Fang, Jing, Lei, Xiaoming, Yan, Hui, Jun, Mei, Hao, Ying, Tao,
        Ling, Qiang, Xin, Zhiwei, Xiuying, Jian, Yifan, Haoran, Ruoxi, Zihan,
        Minghua, Ka-ming, Wing-yee"""
    ),
    "japanese": _split(
        """Haruto, Yui, Sota, Aoi, Ren, Sakura, Hiroshi, Yuki, Takeshi, Akiko,
        Kenji, Naoko, Daisuke, Emi, Kaito, Hina, Ryota, Mai, Shinji, Keiko,
        Yusuke, Ayumi, Haruki, Misaki"""
    ),
    "korean": _split(
        """Min-jun, Seo-yeon, Ji-hoon, Ji-woo, Hyun-woo, Soo-ah, Dong-hyun,
        Eun-ji, Jae-won, Ha-eun, Sung-min, Yuna, Joon-ho, Hye-jin, Tae-yang,
        Minseo, Jiho, Seojun"""
    ),
    "vietnamese": _split(
        """Minh, Linh, Anh, Huong, Tuan, Thao, Duc, Lan, Hoa, Quang, Trang,
        Khanh, Phuong, Thanh, Bao, Ngoc, Hieu, Vy, Thuy, Hương"""
    ),
    "yoruba": _split(
        """Adebayo, Folake, Oluwaseun, Temitope, Babatunde, Yetunde, Ayodele,
        Funmilayo, Olumide, Bisola, Kehinde, Taiwo, Damilola, Segun"""
    ),
    "igbo": _split(
        """Chinedu, Ngozi, Emeka, Chiamaka, Obinna, Adaeze, Ikenna, Nkechi,
        Chukwuemeka, Uchenna, Chidi, Ifeoma, Nnamdi, Amarachi"""
    ),
    "swahili": _split(
        """Amani, Baraka, Neema, Juma, Zawadi, Imani, Jabari, Rehema, Bakari,
        Halima, Makena, Issa, Mwajuma, Subira"""
    ),
    "amharic": _split(
        """Abebe, Tigist, Dawit, Meron, Selam, Yonas, Hiwot, Bereket, Mekdes,
        Tewodros, Liya, Biniam"""
    ),
    "southern_african": _split(
        """Thabo, Nomvula, Sipho, Lindiwe, Themba, Zanele, Bongani, Thandiwe,
        Lerato, Mpho"""
    ),
    "west_african": _split(
        """Kwame, Ama, Kofi, Akosua, Yaw, Abena, Moussa, Awa, Mamadou, Fatou,
        Ousmane, Aminata, Efua, Seydou"""
    ),
    "nordic": _split(
        """Lars, Ingrid, Erik, Astrid, Sven, Sigrid, Nils, Freya, Bjørn,
        Solveig, Magnus, Liv, Anders, Kari, Henrik, Maja, Jussi, Aino, Eero,
        Helmi, Gunnar, Sigurður, Guðrún, Åsa, Søren"""
    ),
    "greek": _split(
        """Dimitris, Eleni, Giorgos, Konstantinos, Katerina, Nikos, Sofia,
        Yannis, Despina, Panagiotis, Vasiliki, Stavros, Ioanna, Christos,
        Athina, Theodora"""
    ),
    "hebrew": _split(
        """Avi, Noa, Yosef, Tamar, Shira, Eitan, Yael, Moshe, Rivka, Ariel,
        Maayan, Oren, Talia, Uri, Michal, Yitzhak, Hadas, Nir"""
    ),
    "southeast_asian": _split(
        """Budi, Siti, Agus, Dewi, Somchai, Siriporn, Nattapong, Maricel,
        Jericho, Rizalina, Putu, Kanya"""
    ),
}

SURNAMES: dict[str, list[str]] = {
    "english": _split(
        """Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson,
        Anderson, Taylor, Thomas, Moore, Martin, Jackson, Thompson, White,
        Harris, Clark, Lewis, Robinson, Walker, Young, Allen, Wright, Scott,
        Green, Baker, Adams, Nelson, Hill, Mitchell, Carter, Roberts, Turner,
        Phillips, Parker, Evans, Edwards, Collins, Stewart, Morris, Cook,
        Rogers, Cooper, Reed, Bailey, Bell, Howard, Ward, Cox, Richardson,
        Wood, Watson, Brooks, Bennett, Gray, Hughes, Price, Sanders, Foster,
        Washington, Ford, Wells, Morgan, Lincoln, Hamilton, Hargreaves,
        Ashworth, Fairweather, Smith-Jones, Lloyd-Webber,
        Parker-Bowles, Heaton-Harris, St. John"""
    ),
    "celtic": _split(
        """O'Brien, O'Connor, Murphy, Kennedy, Byrne, Gallagher, McCarthy,
        O'Sullivan, Fitzgerald, Doyle, MacLeod, McAllister, MacDonald,
        Campbell, Fraser, Sinclair, Kelly, Quinn, Ní Bhriain, Mac Giolla,
        Llewellyn, Pritchard, ap Rhys"""
    ),
    "spanish": _split(
        """García, Rodríguez, Martínez, Hernández, López, González, Pérez,
        Sánchez, Ramírez, Torres, Flores, Rivera, Gómez, Díaz, Reyes,
        Morales, Ortiz, Gutiérrez, Castillo, Jiménez, Ruiz, Vargas, Mendoza,
        Romero, Herrera, Medina, Aguilar, Navarro, Delgado, Castro,
        de la Cruz, de los Santos, del Valle, de León, García-López,
        Fernández-Ruiz, Echeverría, Iturbe"""
    ),
    "portuguese": _split(
        """Silva, Santos, Oliveira, Souza, Costa, Pereira, Ferreira, Almeida,
        Carvalho, Rodrigues, Lima, Gomes, da Silva, dos Santos, de Souza,
        Nascimento, Araújo, Barbosa, Cardoso, Monteiro"""
    ),
    "french": _split(
        """Bernard, Dubois, Durand, Lefebvre, Moreau, Laurent, Simon, Michel,
        Leroy, Roux, Fournier, Girard, Bonnet, Dupont, Lambert, Fontaine,
        Chevalier, Rousseau, Blanchard, Le Roux, Le Gall, de Montfort,
        Saint-Clair, Lemaire, Giraud, Mercier, Faure, Chauvin"""
    ),
    "german": _split(
        """Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker,
        Schulz, Hoffmann, Schäfer, Koch, Bauer, Richter, Klein, Wolf,
        Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hartmann,
        Lange, von Bergen, von der Heide, Müller-Lüdenscheidt, Oberhuber"""
    ),
    "dutch": _split(
        """de Vries, van der Berg, van Dijk, Bakker, Janssen, Visser, Smit,
        Meijer, de Jong, van der Meer, Mulder, de Boer, Bos, Vos, Hendriks,
        van Leeuwen, Dekker, van Rijn, ter Horst, Verhoeven"""
    ),
    "italian": _split(
        """Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci,
        Marino, Greco, Bruno, Gallo, Conti, De Luca, Mancini, Giordano,
        Rizzo, Lombardi, Moretti, Barbieri, Fontana, Santoro, Mariani,
        Rinaldi, Caruso, Ferrara, Galli, Leone, Longo, Gentile, Di Stefano,
        Lo Bianco, D'Angelo, De Santis, Dell'Orto"""
    ),
    "slavic": _split(
        """Ivanov, Smirnov, Kuznetsov, Popov, Volkov, Petrova, Sokolova,
        Lebedev, Kozlov, Novikova, Morozov, Nowak, Kowalski, Wiśniewski,
        Wójcik, Kowalczyk, Kamiński, Lewandowska, Zieliński, Szymański,
        Dvořák, Novák, Svoboda, Černá, Procházka, Kovalenko, Shevchenko,
        Bondarenko, Tkachenko, Petrović, Jovanović, Nikolić, Horvat,
        Kovačević, Babić, Dimitrov, Georgieva"""
    ),
    "hungarian": _split(
        """Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Molnár, Farkas, Balogh,
        Papp"""
    ),
    "arabic": _split(
        """Al-Sayed, Haddad, Khoury, Mansour, Nasser, Hamdan, Saleh, Farouk,
        Aziz, Rahman, Hussein, El-Amin, bin Salman, bin Rashid, al-Rashid,
        el-Masri, Bakri, Khalil, Darwish, Shaheen, Abdel-Fattah, Abu Zaid,
        Qasim, Suleiman, Barakat, Hijazi"""
    ),
    "turkish": _split(
        """Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın,
        Özdemir, Arslan, Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan,
        Şimşek, Erdem, Güneş"""
    ),
    "persian": _split(
        """Hosseini, Mohammadi, Rezaei, Karimi, Moradi, Jafari, Rahimi,
        Tehrani, Ahmadi, Sadeghi, Farahani, Shirazi, Esfahani, Kazemi,
        Nazari, Ghorbani, Amini, Zand"""
    ),
    "indian": _split(
        """Sharma, Patel, Singh, Kumar, Gupta, Reddy, Iyer, Nair, Menon,
        Banerjee, Chatterjee, Mukherjee, Das, Rao, Joshi, Desai, Kapoor, Malhotra, Chopra, Pillai, Krishnan, Subramaniam,
        Venkataraman, Bhattacharya, Agarwal, Shah, Verma, Naidu, Gill,
        Sandhu, Dhillon, Chaudhary, Saxena, Deshpande, Kulkarni"""
    ),
    "chinese": _split(
        """Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun,
        Ma, Zhu, Hu, Guo, Lin, Luo, Gao, Zheng, Liang, Xie, Tang, Cao, Deng,
        Feng, Ouyang, Chan, Wong, Cheung, Lau, Leung, Ng, Tsang, Szeto"""
    ),
    "japanese": _split(
        """Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto,
        Nakamura, Kobayashi, Kato, Yoshida, Yamada, Sasaki, Yamaguchi,
        Matsumoto, Inoue, Kimura, Hayashi, Shimizu, Mori, Ikeda, Hashimoto,
        Ishikawa, Ogawa, Fujita, Okada"""
    ),
    "korean": _split(
        """Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Seo,
        Shin, Kwon, Hwang, Ahn, Song, Ryu, Baek, Jeon, Moon"""
    ),
    "vietnamese": _split(
        """Nguyen, Tran, Le, Pham, Hoang, Huynh, Phan, Vu, Vo, Dang, Bui, Ngo,
        Duong, Ly, Nguyễn, Trần, Phạm, Đặng"""
    ),
    "yoruba": _split(
        """Adeyemi, Ogunleye, Balogun, Adewale, Afolabi, Olawale,
        Adeleke, Ogundipe, Akinola, Oladipo, Fashola, Bankole, Olaniyan"""
    ),
    "igbo": _split(
        """Okonkwo, Eze, Nwosu, Obi, Okeke, Chukwu, Nwachukwu, Onyeka,
        Okoro, Uzor, Anyanwu, Ezeh, Nnadi"""
    ),
    "swahili": _split(
        """Mwangi, Otieno, Wanjiru, Kamau, Ochieng, Njoroge, Mutua, Kiprop,
        Mwinyi, Odhiambo, Kariuki, Lema, Massawe, Mushi"""
    ),
    "amharic": _split(
        """Tesfaye, Bekele, Haile, Girma, Alemu, Tadesse, Mekonnen, Wolde,
        Gebremedhin, Assefa, Desta, Kebede"""
    ),
    "southern_african": _split(
        """Nkosi, Ndlovu, Khumalo, Mahlangu, Mokoena, Sithole,
        Mthembu, Molefe, Zwane"""
    ),
    "west_african": _split(
        """Mensah, Owusu, Boateng, Asante, Osei, Appiah, Diop, Ndiaye, Diallo,
        Sow, Cissé, Traoré, Keita, Coulibaly, Ouédraogo"""
    ),
    "nordic": _split(
        """Hansen, Johansson, Andersson, Nielsen, Larsen, Olsen, Eriksson,
        Lindqvist, Berg, Nilsson, Karlsson, Jensen, Pedersen, Halvorsen,
        Virtanen, Korhonen, Mäkinen, Nieminen, Sigurðsson, Jónsdóttir,
        Gunnarsson, Bjørnstad, Lindgren, Sandberg, Holm, Dahl, Lund,
        Østergaard"""
    ),
    "greek": _split(
        """Papadopoulos, Papadopoulou, Nikolaidis, Georgiou, Konstantinou,
        Vlachos, Dimitriou, Pappas, Karagiannis, Oikonomou, Alexiou,
        Antoniou, Makris, Christodoulou, Angelopoulos, Petridis"""
    ),
    "hebrew": _split(
        """Cohen, Levi, Mizrahi, Peretz, Biton, Friedman, Katz, Shapiro,
        Avraham, Ben-David, Ben-Ami, Goldberg, Rosenberg, Azoulay, Dahan,
        Segal, Barak, Shalev, Ben Haim"""
    ),
    "southeast_asian": _split(
        """Santoso, Wijaya, Susanto, Hidayat, Setiawan, Kusuma, Srisai,
        Chaiyaporn, Suwannarat, Wongsakul, Bautista, Villanueva, Aquino,
        dela Cruz, Macaraeg"""
    ),
}

# Origins that often write the family name first, and how often we do so.
FAMILY_FIRST = {"chinese": 0.5, "japanese": 0.2, "korean": 0.5, "vietnamese": 0.6}
VIETNAMESE_MIDDLE = _split("Van, Thi, Văn, Thị, Duc, Minh, Ngoc, Thanh")
DOUBLE_SURNAME = {"spanish": 0.35, "portuguese": 0.3}

# Names that are also places, companies or common words.  They always stay in
# the training pool so that the model sees both readings during training.
KEEP_IN_TRAIN = _split(
    """Jordan, Florence, Victoria, Georgia, Paris, Grace, Rose, Mark, Frank,
    Austin, Sydney, Hope, April, June, Morgan, Madison, Santiago, Washington,
    Ford, Wells, Lincoln, Hamilton, Johnson, Jackson, Martin, Ferrari, Nelson,
    Moon, Song, Sun, Can, Kara, Wolf, Klein, Bell, Green, White, Brown, Young,
    Price, Wood, Cook, Baker, Hill"""
)

# Titles are context, never part of the entity (always tagged O).
TITLES_SURNAME = _split(
    """Mr., Mrs., Ms., Dr., Prof., Professor, Doctor, President, Senator,
    Judge, Captain, Coach, Minister, Governor, Mayor, Detective, Officer,
    Ambassador, General, Sergeant, Chancellor, Councillor, Father,
    Reverend, Mx."""
)
TITLES_FIRST = _split("Sir, Dame, Aunt, Uncle, Sister, Brother, Auntie")
# Titles that only go with surnames (or first names) of one origin group.
LOCAL_TITLES_SURNAME = {
    "french": _split("Monsieur, Madame, Mme"),
    "german": _split("Herr, Frau"),
    "dutch": _split("Meneer, Mevrouw"),
    "spanish": _split("Señor, Señora, Don, Doña"),
    "portuguese": _split("Senhor, Senhora, Dona"),
    "italian": _split("Signor, Signora, Dottore"),
    "hebrew": _split("Rabbi"),
    "arabic": _split("Imam, Sheikh"),
    "japanese": _split("Sensei"),
}
LOCAL_TITLES_FIRST = {
    "arabic": _split("Sheikh, Sayyid"),
    "turkish": _split("Hoca"),
    "persian": _split("Agha"),
    "spanish": _split("Don, Doña, Sor, Fray"),
}
ROLES = _split(
    """President, Senator, Minister, Prime Minister, Foreign Minister,
    Governor, Mayor, Chancellor, Chief Executive, Coach, Judge, Professor,
    Inspector, Ambassador, Vice President, Finance Minister, Chairwoman,
    Chairman, Commissioner, Bishop"""
)

# ---------------------------------------------------------------------------
# Near misses: capitalised things that are not people (all tagged O).
# ---------------------------------------------------------------------------

CITIES = _split(
    """Paris, Washington, Florence, Victoria, Sydney, London, Austin, Houston,
    Lincoln, Charlotte, Adelaide, Santiago, Madison, Orlando, Jackson, Eugene,
    Regina, Kingston, Hamilton, Wellington, Nelson, Darwin, Georgetown,
    Alexandria, São Paulo, Buenos Aires, Lagos, Nairobi, Addis Ababa, Accra,
    Dakar, Istanbul, Tehran, Mumbai, Chennai, Beijing, Shanghai, Tokyo,
    Osaka, Seoul, Busan, Hanoi, Ho Chi Minh City, Berlin, Munich, Rome,
    Milan, Warsaw, Prague, Kyiv, Oslo, Stockholm, Helsinki, Athens, Tel Aviv,
    Jerusalem, Cairo, Dubai, Amman, Reykjavik, Lisbon, Madrid, Bogotá, Lima,
    Manila, Jakarta, Bangkok, Johannesburg, St. Louis, San Jose, Chelsea,
    Phoenix, Marseille, Brooklyn"""
)
COUNTRIES = _split(
    """Jordan, Georgia, Chad, Israel, Kenya, Nigeria, Ethiopia, Ghana,
    Senegal, Turkey, Iran, India, China, Japan, Korea, Vietnam, Brazil,
    Mexico, Peru, Colombia, Germany, France, Italy, Poland, Norway, Greece,
    Virginia, Carolina, Tasmania, Montana, Sierra Leone, Florida, Indiana,
    South Africa, New Zealand, the Philippines, Indonesia, Egypt, Argentina,
    Iceland"""
)
PLACES = CITIES + COUNTRIES
ORGS = _split(
    """Ford, Johnson & Johnson, Wells Fargo, Morgan Stanley, Dell,
    Goldman Sachs, Procter & Gamble, McDonald's, Ferrari, Porsche, Siemens,
    Toyota, Honda, Disney, Boeing, Philips, Chanel, Dior, Mercedes-Benz,
    Ernst & Young, Marks & Spencer, Tesla, Bloomberg, Kellogg's, Heinz,
    Hewlett-Packard, Lockheed Martin, Ben & Jerry's, Dow Jones,
    Charles Schwab, Barclays, Lloyds, Deloitte, Nestlé, Unilever, Samsung,
    Hyundai, Tata Motors, Infosys, Alibaba, Tencent, Lenovo, Mitsubishi,
    Sony, Nintendo, Emirates, Turkish Airlines, Safaricom, Ericsson, Nokia,
    IKEA, Lego, Carlsberg, Volvo, the Red Cross, the United Nations, UNICEF,
    Oxfam, the World Bank, Casey's, Wendy's, Dyson, Jaguar, Peugeot,
    Victoria's Secret, Anheuser-Busch, Rolls-Royce, Walgreens, Kraft"""
)
WIRES = _split("Reuters, AP, AFP, Bloomberg, dpa, Kyodo, Xinhua, Anadolu")
CARS = _split(
    """Corolla, Mustang, Model 3, Prius, Jeep Cherokee, Camry, Civic, Fiesta,
    Golf, Polo, Beetle, Clio, Jetta, Lambo, Land Rover, Mercedes, Ford Focus,
    Chevy Malibu, Nissan Leaf, Kia Sorento"""
)
DEVICES = _split(
    """iPhone, iPad, Kindle, Pixel, Galaxy, Surface Pro, MacBook, ThinkPad,
    BlackBerry, Apple Watch, Chromebook, Nokia"""
)
APPS = _split(
    """Windows, Excel, Photoshop, Zoom, Slack, WhatsApp, Telegram, Instagram,
    Outlook, Spotify, Siri, Alexa, Cortana, Firefox, Android"""
)
PRODUCTS = (
    CARS
    + DEVICES
    + APPS
    + _split(
        """PlayStation, Xbox, Nutella, Coca-Cola, Big Mac, Walkman, Roomba,
        Lego Technic, Nespresso, Happy Meal, Oreo, Tabasco"""
    )
)
FACILITIES = _split(
    """Baker Street, Victoria Station, Lincoln Center, the Washington
    Monument, Kennedy Airport, Abbey Road, Wembley Stadium, Central Park,
    the Eiffel Tower, Madison Square Garden, Charles de Gaulle Airport,
    St. Mary's Hospital, King's Cross, Penn Station, Heathrow, the Louvre,
    Trafalgar Square, the Brandenburg Gate, Grand Central, Union Station,
    Jefferson Memorial, Carnegie Hall, Queen Elizabeth Hospital"""
)
UNIVERSITIES = _split(
    """Harvard, Stanford, Johns Hopkins, Oxford, Cambridge, MIT, Yale,
    Princeton, Duke, Brown University, Carnegie Mellon, the Sorbonne,
    Tsinghua University, the University of Nairobi, McGill, Trinity College,
    Georgetown, Vanderbilt, Cornell, King's College London"""
)
TEAMS = _split(
    """Real Madrid, Manchester United, the Chicago Bulls, Boca Juniors,
    Galatasaray, the Yomiuri Giants, Al Ahly, the All Blacks, Bayern Munich,
    Ajax, Juventus, Celtic, the Kaizer Chiefs, Persepolis, the Mumbai
    Indians, Arsenal, Aston Villa, the Boston Celtics, Benfica, Olympiacos"""
)
PRIZES = _split(
    """the Nobel Prize, the Pulitzer Prize, the Booker Prize, an Oscar,
    a Grammy, the Fields Medal, the Turing Award, the Victoria Cross,
    a Fulbright scholarship, the Carnegie Medal, an Emmy, the Goncourt"""
)
DISEASES = _split(
    """Alzheimer's disease, Parkinson's disease, Crohn's disease,
    Hodgkin's lymphoma, Lyme disease, Down syndrome, Tourette syndrome,
    Asperger's, Huntington's disease, Graves' disease, Addison's disease"""
)
HOLIDAYS = _split(
    """Christmas, Easter, Ramadan, Diwali, Hanukkah, Thanksgiving,
    St. Patrick's Day, Valentine's Day, Eid, Nowruz, Lunar New Year,
    Halloween, Passover, Boxing Day"""
)
DAYS = _split("Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday")
MONTHS = _split(
    """January, February, March, April, May, June, July, August, September,
    October, November, December"""
)
CURRENCIES = _split("dollars, euros, pounds, yen, rand, pesos, rupees, francs, crowns")
TIMES = _split(
    """9:30, 10 am, noon, 5pm, half past six, 8 p.m., midnight, 7:15, 11,
    quarter to four"""
)
EMAIL_DOMAINS = _split("example.com, example.org, mail.example.net, corp.example.com, example.edu")

# ---------------------------------------------------------------------------
# Templates.  Slots are written {KIND} or {KINDn}; the digit picks a person
# (person slots with the same digit refer to the same person).
#
# Person slots:  P  any form (full name, first name, title + name, ...)
#                N  full name without title      F  first (given) name only
#                S  surname only                 TS title + surname
#                f  lower-cased first name       n  lower-cased full name
#                EMAIL / HANDLE  derived from the person, tagged O
# Other slots:   CITY PLACE PLACEL COUNTRY ORG WIRE PROD FACILITY UNI TEAM
#                PRIZE DISEASE HOLIDAY DAY DAYL MONTH TIME NUM AGE PCT YEAR
#                ROLE; and the eighth edition's DATE DATEL CITYU SCORE CLOCK STAT CUR
# ---------------------------------------------------------------------------

NAME_TEMPLATES: list[str] = [
    # news style
    "{ROLE} {N} said on {DAY} that talks with {ORG} would resume in {MONTH}.",
    "{N}, {AGE}, was named chief executive of {ORG} last week.",
    "In a statement, {ORG} spokesperson {N} declined to comment.",
    "{CITY} ({WIRE}) - {N} won the regional election with {PCT} percent of the vote.",
    "Police in {CITY} said {N} had been released without charge.",
    "{N1} will replace {N2} as head of the {CITY} office in {MONTH}.",
    "The minister, {N}, arrived in {PLACE} on {DAY} for two days of meetings.",
    "{N1} and {N2} signed the agreement at {FACILITY} on {MONTH} {NUM}.",
    "Shares of {ORG} fell after {N} resigned from the board.",
    "Former champion {N} announced a surprise retirement on {DAY}.",
    "{P} is expected to testify before the committee in {MONTH}.",
    "According to {WIRE}, {N1} met {ROLE} {S2} privately in {CITY}.",
    "The film, directed by {N}, opens in {CITY} on {DAY}.",
    "{N}'s lawyers argued that the contract with {ORG} was never signed.",
    "Speaking to reporters in {CITY}, {P} said the project was on schedule.",
    "{N}, who led {ORG} for a decade, died on {DAY} at the age of {AGE}.",
    "{ROLE} {N1} thanked {N2} for the hospitality shown in {PLACE}.",
    "The coach, {N}, praised the defence after the win over {TEAM}.",
    "{N} scored twice for {TEAM} on {DAY}.",
    "Photo: {N} / {WIRE}",
    "{N1} (left) and {N2} at the ceremony in {CITY} on {DAY}.",
    "{N1} interviewed {N2} for a {CITY} radio station.",
    "{N1} joined {ORG} in {YEAR}; {S1} now runs the {CITY} office.",
    "{TS1} told the court that {S1} had never met {N2}.",
    # names at the start / end / middle
    "{P} called while you were out.",
    "The package is addressed to {P}.",
    "We had lunch with {P} and talked about {PLACE}.",
    "This report was prepared by {N}.",
    "Please forward the invoice to {TS}.",
    "{F} has lived in {PLACE} for {NUM} years.",
    "Yesterday I ran into {P} at the station.",
    "Our new neighbours are {N1} and {N2}.",
    "Everyone agreed that {F1} should lead the project, not {F2}.",
    "Only {F} knew the password.",
    "Ask {F}.",
    "Signed, {N}",
    "Meet {F}, our new intern from {PLACE}.",
    "It was {F1} who found the keys, not {F2}.",
    "The first speaker was {N1}; the second was {N2}.",
    "Say hello to {F} and the kids for me.",
    "{F1}, this is {N2}. {F2}, meet {F1}.",
    "I lent my {DEVICE} to {F} and never got it back.",
    "Everyone at {ORG} calls {N} simply {F}.",
    "{N} drove a {CAR} from {CITY} to {CITY} in {MONTH}.",
    "{F} works for {ORG} in {PLACE}.",
    "{N} left {ORG} last year to join {ORG}.",
    "On {DAY}, {P} visited {FACILITY}.",
    "{N} was diagnosed with {DISEASE} in {YEAR}.",
    "{N} won {PRIZE} in {YEAR}.",
    "In {MONTH}, {P} will speak at {UNI}.",
    "My cousin {F} studies at {UNI}.",
    "Last {DAY}, {F1} and I met {N2} at {FACILITY}.",
    "{N}, a nurse from {PLACE}, organised the fundraiser.",
    "According to {TS}, the results will be published in {MONTH}.",
    "After {HOLIDAY}, {F} returned to {CITY}.",
    "I think {F} prefers the {CAR} to the {CAR}.",
    "Neither {F1} nor {F2} has ever been to {PLACE}.",
    "{F1} and {F2} got married in {PLACE} in {MONTH}.",
    "{TS} and her partner {F2} moved to {PLACE}.",
    "{TS} and his brother {N2} run a bakery in {CITY}.",
    "Happy birthday, {F}!",
    "Congratulations to {N} on the new job at {ORG}!",
    "Sorry {F}, I can't make it on {DAY}.",
    "{F}, could you check the numbers before {TIME}?",
    "Honestly, {F} is the best teacher I have ever had.",
    "Apparently {N} sold the house in {PLACE} last {MONTH}.",
    # two or three names, lists
    "{N1}, {N2} and {N3} were elected to the board.",
    "The panel included {N1}, {N2}, and {N3}.",
    "{F1}, {F2} and {F3} are sharing a flat in {CITY}.",
    "Attendees: {N1}, {N2}, {N3}.",
    "Thanks to {F1} and {F2} for organising the trip to {PLACE}.",
    "{N1} beat {N2} in the final, while {N3} finished third.",
    "{TS1} and {TS2} co-authored the study on {DISEASE}.",
    "Between {F1} and {F2}, nobody remembered to call {ORG}.",
    "Our thanks go to {TS1}, {TS2} and {TS3}.",
    "{P1} introduced {P2} to {P3} at the conference in {CITY}.",
    # possessives
    "{F}'s brother works at {ORG} in {CITY}.",
    "We stayed at {N}'s house near {PLACE}.",
    "{TS}'s office is on the third floor.",
    "I borrowed {F1}'s bike to visit {F2}.",
    "Have you read {N}'s new book about {PLACE}?",
    "{N1}'s daughter married {N2} in {MONTH}.",
    "Is this {F1}'s coat or {F2}'s?",
    # quotes
    '"We are very proud of the team," said {N}.',
    "“I never expected this,” {F} told us.",
    '{N} said: "The results speak for themselves."',
    "'Call me when you land,' {F1} texted {F2}.",
    '"Is {F1} here yet?" asked {TS2}.',
    "“Thank you, {F},” said the judge.",
    "‘We will appeal,’ {TS} told {WIRE} on {DAY}.",
    '{F1} whispered, "Don\'t tell {F2}."',
    "“{F} is right,” {N2} admitted after the vote in {CITY}.",
    # questions
    "Have you met {F} yet?",
    "Is {P} coming to the party on {DAY}?",
    "Who invited {N} to the meeting?",
    "Did {F} really move to {PLACE}?",
    "Why did {N} leave {ORG} so suddenly?",
    "Can you ask {TS} to call me back?",
    "Where does {F} keep the spare keys?",
    "What did {N1} say to {N2} after the game?",
    "Has anyone told {P} about {HOLIDAY}?",
    "Would {TS} be available on {DAY} at {TIME}?",
    # passive voice
    "The award was presented to {N1} by {TS2}.",
    "The report was written by {N1} and reviewed by {N2}.",
    "The patient was examined by {TS} on {DAY} morning.",
    "The bridge was designed by {N} in {YEAR}.",
    "{N} was born in {PLACE} in {YEAR}.",
    "The house was sold to {N1} and {N2} last {MONTH}.",
    "The song was recorded by {N} at {FACILITY}.",
    "The decision was criticised by {ROLE} {N}.",
    # chat style
    "lol {f} is late again",
    "omg did u see what {f} posted",
    "ok so {f1} and {f2} are coming at {TIME}",
    "{HANDLE1} ask {f2} about the tickets pls",
    "tell {f} i said hi!!",
    "{f} can u send me the pics from {PLACEL}",
    "haha {f1} and {f2} are so funny",
    "brb, {f} is calling",
    "has anyone heard from {n}?",
    "idk, ask {F}",
    "{F} u there?",
    "thx {F}!! see u {DAYL}",
    "can't believe {f} won't come to {PLACEL}",
    "me and {f} r going to the game tmrw",
    "{f1}: is {f2} still at {ORG}?",
    "ugh {n} never replies to emails",
    "anyone know if {f} got the {DEVICE} working",
    # email style
    "Hi {F}, please find the updated schedule attached.",
    "Dear {TS}, thank you for your quick reply.",
    "From: {N} <{EMAIL}>",
    "Best regards, {N}",
    "Cc: {N1}; {N2}",
    "Hello {F1}, {F2} asked me to forward this to you.",
    "Kind regards, {TS} | {ORG}",
    "Dear {N}, your appointment is confirmed for {DAY}, {MONTH} {NUM}.",
    "To: {EMAIL1} Subject: lunch with {N2} on {DAY}",
    "Thanks, {F} -- sent from my {DEVICE}",
    "Please reply to {N} at {EMAIL} before {DAY}.",
    "Hi all, {N1} will cover for {N2} while she is in {PLACE}.",
]

# Sentences without people, full of near misses.
NO_NAME_TEMPLATES: list[str] = [
    "{ORG} opened a new office in {PLACE} last {MONTH}.",
    "The {PROD} went on sale in {CITY} on {DAY}.",
    "May I ask what time the store in {CITY} closes?",
    "Will the meeting in {CITY} still start at {TIME}?",
    "Mark your calendars for {DAY}, {MONTH} {NUM}.",
    "Hope you had a good weekend in {PLACE}!",
    "Bill payments to {ORG} are due every {DAY}.",
    "Grace periods at {ORG} last thirty days.",
    "Frank discussions between {ORG} and {ORG} continued on {DAY}.",
    "Miles of traffic blocked the road to {CITY}.",
    "Rose petals covered the steps of {FACILITY}.",
    "August was unusually hot in {PLACE}.",
    "{MONTH} {NUM} is a public holiday in {COUNTRY}.",
    "{ORG} shares rose {PCT} percent on {DAY}.",
    "Flights from {CITY} to {CITY} were cancelled on {DAY}.",
    "{COUNTRY} and {COUNTRY} signed a trade deal in {MONTH}.",
    "The {DEVICE} is cheaper in {COUNTRY} than in {COUNTRY}.",
    "Research on {DISEASE} received new funding from {ORG}.",
    "We spent {HOLIDAY} in {PLACE} this year.",
    "{ORG} recalled thousands of {PROD} units in {MONTH}.",
    "Joy and relief filled the streets of {CITY}.",
    "Sunny skies are expected in {PLACE} on {DAY}.",
    "Can you meet me at {FACILITY} at {TIME}?",
    "the {APP} app keeps crashing lol",
    "{UNI} announced the winners of {PRIZE} on {DAY}.",
    "Apparently {ORG} is hiring again in {CITY}.",
    "Honestly, the trains to {CITY} are always late on {DAY}s.",
    "Temperatures in {PLACE} fell below zero in {MONTH}.",
    "{TEAM} beat {TEAM} in front of a full stadium.",
    "The {CITY} branch of {ORG} will close on {DAY}.",
    "Please update {APP} before {DAY}.",
    "Will you be in {PLACE} in {MONTH}?",
    "Wells, rivers and lakes dried up across {COUNTRY}.",
    "Victoria Falls attracts visitors from {COUNTRY} every {MONTH}.",
    "Dell and {ORG} both reported lower profits.",
    "Jordan and {COUNTRY} agreed to reopen the border in {MONTH}.",
    "Georgia's capital was covered in snow on {DAY}.",
    "{ORG} will sponsor {TEAM} from {MONTH}.",
    "The {HOLIDAY} market in {CITY} opens on {DAY}.",
    "Lincoln is a quiet city, unlike {CITY}.",
    "Patients with {DISEASE} often need long-term care.",
    "Rain is forecast for {PLACE} until {DAY}.",
    "Santiago and {CITY} will host the summit in {MONTH}.",
    "New rules from the United Nations take effect in {MONTH}.",
    "Thanks for the update, see you on {DAY}!",
]

# ---------------------------------------------------------------------------
# More origins and names (second edition of the lists, written for this
# project like the ones above).  They are merged into FIRST_NAMES/SURNAMES.
# ---------------------------------------------------------------------------

MORE_FIRST_NAMES: dict[str, list[str]] = {
    "english": _split(
        """Graham, Fiona, Alistair, Penelope, Rupert, Imogen, Barnaby, Harriet,
        Desmond, Gwendolyn, Clifford, Maureen, Bernard, Joan, Reginald, Sheila,
        Kevin, Tracy, Darren, Stacey, Wayne, Lindsay, Scott, Heather, Ashley,
        Brianna, Cody, Dakota, Hunter, Savannah, Caleb, Autumn, Bradley, Whitney,
        Ruth, Arthur, Evelyn, Stanley, Mabel, Cecil, Winifred, Percy, Nell"""
    ),
    "celtic": _split(
        """Ciara, Róisín, Tadhg, Sinéad, Cathal, Áine, Dónal, Bríd, Eimear,
        Fionnuala, Lorcan, Gráinne, Catriona, Ewan, Morag, Iain, Kirsty, Alun,
        Gwyneth, Emrys, Carys, Owain"""
    ),
    "spanish": _split(
        """Yesenia, Aurelio, Luz Marina, Maite, Wilmer, Yolanda, Eduardo,
        Fabiola, Leticia, Ignacio, Rocío, Esteban, Inmaculada, Nerea, Gonzalo,
        Amparo, Héctor, Yadira, Teodoro, Milagros, Arturo, Graciela, Ramiro,
        Consuelo, Fidel, Esperanza, Mercedes, Octavio"""
    ),
    "portuguese": _split(
        """Joaquim, Conceição, Wellington, Thaís, Raimundo, Fabiana, Sebastião,
        Rosângela, Valter, Jussara, Edson, Cláudia, Anderson, Luana, Vinícius"""
    ),
    "french": _split(
        """Thierry, Véronique, Gilles, Pascale, Arnaud, Delphine, Cédric,
        Nathalie, Loïc, Brigitte, Grégoire, Maëlle, Sébastien, Océane, Didier,
        Ségolène, Aurélien, Clémence, Hervé, Lætitia"""
    ),
    "german": _split(
        """Günther, Hannelore, Rüdiger, Ilse, Volker, Brigitte, Jörg, Annika,
        Henning, Dörte, Benedikt, Mareike, Reinhard, Waltraud, Kai-Uwe, Lieselotte,
        Ottokar, Frauke"""
    ),
    "dutch": _split(
        """Jeroen, Marloes, Wouter, Annemieke, Koen, Floor, Thijs, Fenna, Ruud, Geertje"""
    ),
    "italian": _split(
        """Vittoria, Massimo, Ornella, Fabrizio, Donatella, Pierluigi, Rosaria,
        Gennaro, Loredana, Tommaso, Carmela, Ettore, Ilaria, Nunzio"""
    ),
    "slavic": _split(
        """Łucja, Paweł, Grzegorz, Bożena, Zdeněk, Radek, Miloš, Dušan, Jelena,
        Vladimir, Anastasia, Yaroslav, Zlata, Bogdan, Mirela, Kseniya, Arkady,
        Ludmila, Vesela, Radomir, Darija, Ljubomir, Hanna, Mykola, Wiktoria"""
    ),
    "hungarian": _split("""Imre, Ildikó, Zoltán, Erzsébet, Csaba, Tünde, Levente, Anikó"""),
    "arabic": _split(
        """Faisal, Nadia, Rasha, Ghada, Tamer, Yara, Sami, Jamila, Abdulrahman,
        Hind, Marwan, Lubna, Nizar, Souad, Jalal, Widad, Ziad, Hanan, Anwar,
        Basma, Munir, Reem"""
    ),
    "turkish": _split(
        """Serkan, Tuğba, Volkan, Pınar, Barış, Gökhan, Nilüfer, Erdem, Sevgi, Yusuf"""
    ),
    "persian": _split(
        """Behnaz, Payam, Leila, Omid, Mahnaz, Shahram, Ladan, Navid, Simin, Bijan"""
    ),
    "indian": _split(
        """Rohit, Nisha, Gaurav, Bhavna, Naveen, Rekha, Sandeep, Jyoti, Hemant,
        Smita, Varun, Pallavi, Manoj, Uma, Kiran, Aarav, Saanvi, Vihaan,
        Anushka, Girish, Lata, Mahesh, Padma, Devendra, Shalini, Balaji"""
    ),
    "chinese": _split(
        """Xiaoyu, Jiahui, Zhen, Shu, Yuting, Guang, Chun, Lihua, Bo, Weiming,
        Xiaolong, Meiling, Zhihao, Qing, Wenjun, Yanling, Chi-wai, Siu-fung"""
    ),
    "japanese": _split(
        """Ichiro, Noriko, Takumi, Asuka, Shota, Kazuki, Megumi, Tomoko,
        Yoshiro, Chihiro, Makoto, Rina, Tatsuo, Sayaka, Kenta, Fumiko"""
    ),
    "korean": _split(
        """Ji-ho, Seung-woo, Da-eun, Hyun-jin, Eun-bi, Sang-hoon, Mi-rae,
        Kyung-soo, Yeon-woo, Chae-won, Byung-chul, Soo-bin"""
    ),
    "vietnamese": _split("""Đức, Thư, Hạnh, Quốc, Nhung, Tâm, Dũng, Hải, Xuân, Loan, Tú, Khoa"""),
    "yoruba": _split(
        """Adunni, Olayinka, Femi, Tolani, Kayode, Omolara, Rotimi, Abiodun, Morenike, Dapo"""
    ),
    "igbo": _split(
        """Chika, Ebuka, Ugochi, Obiora, Nneka, Kelechi, Somto, Onyinye, Chibuzo, Ogechi"""
    ),
    "swahili": _split(
        """Achieng, Wafula, Nyambura, Kiptoo, Chebet, Auma, Wambui, Otieno,
        Njeri, Kibet, Atieno, Mumbua"""
    ),
    "amharic": _split("""Almaz, Getachew, Frehiwot, Mulugeta, Aster, Kidus, Tsion, Eleni, Henok"""),
    "southern_african": _split(
        """Nandi, Sizwe, Ayanda, Khanyisile, Mandla, Palesa, Tshepo, Naledi,
        Lwazi, Kagiso, Refilwe, Siyabonga"""
    ),
    "west_african": _split(
        """Yaa, Kwaku, Adwoa, Kojo, Esi, Aminu, Hauwa, Sani, Binta, Ibrahima,
        Mariama, Souleymane, Adama, Kadiatou, Boubacar"""
    ),
    "central_african": _split(
        """Aline, Jean-Claude, Uwase, Gakwaya, Mukamana, Ndayishimiye,
        Kanyinda, Mbuyi, Ilunga, Nsimba, Mwamba, Bijou"""
    ),
    "nordic": _split(
        """Ásgeir, Þóra, Sigrún, Kjell, Tove, Leif, Hanne, Pekka, Tuula, Ragnhild,
        Eskil, Minna, Torbjørn, Signe, Ylva, Håkon, Jóhanna, Tapio, Ebba, Oskar"""
    ),
    "greek": _split("""Angeliki, Spyros, Chrysa, Thanasis, Evangelia, Manolis, Xanthi, Leonidas"""),
    "hebrew": _split("""Dvora, Liora, Gideon, Hila, Itamar, Neta, Boaz, Efrat, Yonatan"""),
    "southeast_asian": _split(
        """Rommel, Analyn, Dindo, Marites, Jomar, Ramil, Rhea, Jonalyn, Somsak,
        Pimchanok, Anong, Kittisak, Wanida, Ratana, Chalerm, Bambang, Sri,
        Wayan, Ketut, Indah, Rudy, Fitri, Nurul, Azlan, Farah, Hafiz"""
    ),
    "burmese": _split("""Zaw, Khin, Myo, Thiha, Nilar, Aye, Kyaw, Htet, Su, Thura, Ei, Win"""),
    "central_asian": _split(
        """Aigerim, Nursultan, Dilnoza, Timur, Bakhyt, Zarina, Rustam, Madina,
        Azamat, Gulnara, Sherzod, Aizhan, Bekzat, Nodira"""
    ),
    "south_asian": _split(
        """Tahmina, Rafiq, Anisul, Farzana, Kasun, Dilani, Nuwan, Chamari,
        Bishnu, Sushila, Pemba, Dawa, Shirin Akhter, Sabina, Asif, Mahnoor,
        Usman, Ayesha, Bilqis, Tenzin"""
    ),
    "maori": _split(
        """Wiremu, Mere, Ngaire, Hine, Rawiri, Anahera, Tane, Kiri, Manaia,
        Tama, Whetu, Ariana, Hohepa, Mihi"""
    ),
    "pacific": _split(
        """Sefa, Losa, Tavita, Mele, Ofa, Kalea, Keoni, Makoa, Noelani, Iosefa,
        Litia, Viliami, Salote, Epeli, Kainoa, Tevita, Alofa"""
    ),
    "indigenous_americas": _split(
        """Winona, Chaska, Takoda, Ayasha, Kimi, Nayeli, Dyani, Ahanu, Elu,
        Inti, Killa, Sisa, Amaru, Wayra, Tayanita, Kanoa"""
    ),
    "caribbean": _split(
        """Deshawn, Keisha, Tyrone, Latoya, Jamal, Marcus, Aaliyah, Shanice,
        Delroy, Marlene, Winston, Yolande, Errol, Claudette, Kareem"""
    ),
}

MORE_SURNAMES: dict[str, list[str]] = {
    "english": _split(
        """Blackwood, Thornton, Ellsworth, Huxley, Pennyworth, Aldridge,
        Merriweather, Cartwright, Fairbanks, Holloway, Kingsley, Ramsbottom,
        Winterbourne, Sutcliffe, Oakley, Dunmore, Greenhalgh, Whitfield,
        Harrington-Bly, Fox-Pitt"""
    ),
    "celtic": _split(
        """Ó Súilleabháin, Mac Cárthaigh, Ní Dhomhnaill, Ó Ceallaigh, Mhic Aoidh,
        McGonagle, Donnelly, Breathnach, Lynch, Cassidy, MacKinnon, Urquhart,
        Rees, Vaughan"""
    ),
    "spanish": _split(
        """Quiroga, Montenegro, Zúñiga, Villalobos, Cárdenas, Arévalo, Peña,
        Ibáñez, Saldaña, Olmedo, Benavides, Cifuentes, de la Fuente,
        del Castillo, Ruiz de Alda, Ortega y Gasset, Salazar, Urrutia"""
    ),
    "portuguese": _split(
        """Magalhães, Figueiredo, Vasconcelos, Sampaio, Tavares, Queiroz,
        Guimarães, de Oliveira, do Nascimento, Brandão, Falcão, Medeiros"""
    ),
    "french": _split(
        """Lavigne, Beaumont, Delacroix, Thibault, Marchand, Perrin, Gauthier,
        Rochefort, de Villepin, Le Goff, Dufresne, Boucher, Lévesque"""
    ),
    "german": _split(
        """Vogel, Brandt, Engel, Kaiser, Lorenz, Fuchs, Scholz, Pfeiffer,
        Eichhorn, Graf, von Stein, Dreyer, Köhler, Bachmann, Kessler"""
    ),
    "dutch": _split(
        """van den Bosch, Jansen, van Houten, de Graaf, Brouwer, Kuipers, van Beek, Postma"""
    ),
    "italian": _split(
        """Benedetti, Cattaneo, Pellegrini, Marchetti, Sartori, Ferraro,
        Vitale, Monti, Parisi, Russo-Lanza, Della Valle, Lo Russo"""
    ),
    "slavic": _split(
        """Kaczmarek, Woźniak, Mazur, Krawczyk, Grabowski, Pawlak, Kučera,
        Marković, Stojanović, Sokolov, Orlova, Zaitsev, Melnyk, Kravchuk,
        Horváthová, Popescu, Ionescu, Radu, Vasilev, Todorova, Łęcki, Szczęsny"""
    ),
    "hungarian": _split("""Lakatos, Mészáros, Simon, Fekete, Oláh, Takács"""),
    "arabic": _split(
        """al-Amiri, Al-Tamimi, al-Qahtani, Al-Hashimi, bin Hamad, ibn Abu Hamdan, El-Sayed, Abdelaziz, Mahmoud, Ghanem, Zaher, Awad, Sabbagh,
        el-Khatib, Al Mansoori, bint Khalid"""
    ),
    "turkish": _split("""Akın, Bulut, Ekinci, Güler, Karakaya, Sarı, Tekin, Uçar"""),
    "persian": _split("""Mahdavi, Sohrabi, Nikpour, Pahlavan, Bahrami, Golshiri, Afshar"""),
    "indian": _split(
        """Bhatt, Trivedi, Pandey, Tiwari, Mishra, Chauhan, Rathore, Ghosh,
        Sengupta, Bose, Raghavan, Swaminathan, Hegde, Shetty, Nambiar,
        Kaur, Grewal, Ahluwalia, Dasgupta, Thakur"""
    ),
    "chinese": _split(
        """Dong, Pan, Du, Yuan, Jiang, Cai, Peng, Lu, Wei, Fu, Shen, Kwok, Yip, Tam"""
    ),
    "japanese": _split(
        """Kondo, Saito, Fujimoto, Morita, Ueda, Nishimura, Takeda, Matsuda,
        Aoki, Kikuchi, Sakamoto, Endo"""
    ),
    "korean": _split("""Oh, Nam, Yoo, Bae, Jo, Hong, Son, Yang, Noh, Ha"""),
    "vietnamese": _split("""Võ, Đỗ, Lê, Hồ, Trịnh, Lâm, Đinh, Mai, Tạ, Lương"""),
    "yoruba": _split("""Adeyinka, Oyewole, Akande, Ajayi, Ogunbiyi, Adesanya, Oladele, Babalola"""),
    "igbo": _split("""Nwankwo-Eze, Ogbonna, Ikeji, Umeh, Chukwuma, Madu, Iwuchukwu, Okwu"""),
    "swahili": _split(
        """Wekesa, Onyango, Chepkoech, Barasa, Ndungu, Wambugu, Kipchumba, Mwakilema"""
    ),
    "amharic": _split("""Tekle, Mengistu, Abera, Woldemariam, Gebre, Tilahun"""),
    "southern_african": _split(
        """Zungu, Mabaso, Cele, Ngcobo, Maseko, Radebe, Motaung, Baloyi, Shabalala"""
    ),
    "west_african": _split(
        """Boakye, Asamoah, Darko, Ofori, Gyamfi, Abubakar, Danjuma, Garba,
        Usman, Bah, Camara, Sylla, Kaboré, Sankara, Touré"""
    ),
    "central_african": _split(
        """Habimana, Niyonzima, Nshimiyimana, Uwimana, Mukendi, Kabila, Tshisekedi,
        Lumumba, Mbemba, Nkurunziza, Ilunga"""
    ),
    "nordic": _split(
        """Þórsdóttir, Haraldsson, Strand, Aalto, Nyström, Ekström, Sjöberg,
        Bakke, Hagen, Kristiansen, Laine, Heikkinen, Einarsdóttir,
        Fjeld, Åberg, Rasmussen, Thorsen"""
    ),
    "greek": _split("""Economou, Stavropoulos, Kyriakou, Mavros, Zervas, Laskaris"""),
    "hebrew": _split("""Ben-Zvi, Halevi, Ashkenazi, Sasson, Dayan, Navon, Tal"""),
    "southeast_asian": _split(
        """Dimaculangan, Macapagal, Sison, Tolentino, Soriano, Mercado,
        Manalo, Pangilinan, Buenaventura, Srisuk, Thongchai, Boonmee,
        Sukprasert, Chanthavong, Phromma, Wibowo, Pratama, Nugroho,
        Hassan, Abdullah, Ismail, Tan, Lim, Ong"""
    ),
    "burmese": _split("""Win Htut, Myat Oo, Lwin, Naing, Aung, Tun, Maung, Zin Mar, Thein, Soe"""),
    "central_asian": _split(
        """Abdullayev, Karimova, Tokayev, Nurlanov, Seitkali, Rakhimov,
        Yusupova, Ismoilov, Bekmuratov, Zhaksybekov, Omarova"""
    ),
    "south_asian": _split(
        """Chowdhury, Hossain, Akter, Perera, Jayasuriya, Wickramasinghe,
        Bandara, Shrestha, Gurung, Tamang, Thapa, Siddiqui, Malik, Javed,
        Rahmanov, Dissanayake, Karki, Lama"""
    ),
    "maori": _split(
        """Ngata, Tipene, Te Whata, Horomona, Paewai, Tamihana, Rewiti,
        Tautahi, Waaka, Ruatapu, Hetaraka"""
    ),
    "pacific": _split(
        """Fonoti, Tuiasosopo, Taufa, Fifita, Kealoha, Akana, Naulivou,
        Vunipola, Leota, Mahoe, Tupou, Ratuva, Aumua, Kahale, Vainikolo"""
    ),
    "indigenous_americas": _split(
        """Yazzie, Begay, Tsosie, Whitehorse, Runningwater, Littlebear,
        Manuelito, Deschenie, Two Bulls, Blackfeather, Mamani, Quispe,
        Huanca, Condori, Yupanqui, Apaza, Tenorio, Cuxil"""
    ),
    "caribbean": _split(
        """Brathwaite, Gayle, Ferguson, Hinds, Bascombe, Joseph, Pierre,
        Charles, Baptiste, Simmonds, Persaud, Ramdial, Toussaint"""
    ),
}

for _table, _more in ((FIRST_NAMES, MORE_FIRST_NAMES), (SURNAMES, MORE_SURNAMES)):
    for _origin, _names in _more.items():
        _have = _table.setdefault(_origin, [])
        _have.extend(x for x in _names if x not in _have)

FAMILY_FIRST.update({"burmese": 0.0})

# Made-up names: syllables and endings typical of an origin group, so that the
# model meets many names it cannot have memorised and has to rely on shape,
# affixes and context.  (Tables written for this project.)
PSEUDO_SYLLABLES: dict[str, tuple[str, str, str]] = {
    # origin: (onsets, vowels, endings for surnames)
    "english": (
        "b br ch d f g h j k l m n p r s st t th w wh",
        "a e i o u ea oo",
        "ton ley by ford wick ham son well more field ridge",
    ),
    "spanish": (
        "b c d g l m n p r s t v z ll",
        "a e i o u ia ue",
        "ez es ano ado era illa ega ondo",
    ),
    "italian": (
        "b c d f g l m n p r s t v z",
        "a e i o u ia",
        "elli ini etti ucci one ano ari oni",
    ),
    "french": ("b c d f g l m p r s t v ch", "a e i o ou eau", "eau ier ard on ot ais elle"),
    "german": (
        "b d f g h k l m r s sch st w",
        "a e i o u ei au",
        "mann berg er hardt stein feld hof",
    ),
    "slavic": ("b d g k l m n p r s t v z sz cz", "a e i o u y", "ski ska ov ova enko ić uk ek in"),
    "nordic": ("b d f g h k l n r s sv t v", "a e i o u ö å", "sen son berg lund dahl strom nes"),
    "arabic": ("b d f h j k m n r s sh t z kh", "a i u aa ee", "i awi ani oun ari"),
    "turkish": ("b c d g k m s t y ç ş", "a e i o u ü ı", "oğlu er ay can türk en"),
    "indian": ("b d g j k m n p r s t v sh bh", "a i u ee aa", "an ani war kar esh ath endra"),
    "chinese": ("b ch d f g h j l m n q s sh t x y zh", "a ai ao e i ia ian iu o ong u", ""),
    "japanese": ("k s t n h m y r w", "a i u e o", "moto mura kawa yama da shita uchi"),
    "korean": ("b ch d g h j k m s y", "a eo o u eu i ae", ""),
    "yoruba": ("b d f g k l m n s t w y", "a e i o u", "ola ade ayo unde eke iyi"),
    "swahili": ("b ch j k m n ny s t w", "a e i o u", "ani eni ira ugi anga"),
    "pacific": ("f h k l m n p t v", "a e i o u", "ua ola ana aki ilo"),
    "maori": ("h k m n ng p r t w wh", "a e i o u", "ata iri ohe anga"),
}
PSEUDO_GIVEN_ENDINGS: dict[str, str] = {
    "english": "a ie y en on er",
    "spanish": "a o ita ino",
    "italian": "a o ina ino",
    "french": "e ette elle in",
    "german": "a e er ine",
    "slavic": "a o ek ina",
    "nordic": "a e ar ild",
    "arabic": "a i een an",
    "turkish": "an e et",
    "indian": "a i esh ita",
    "chinese": "",
    "japanese": "ko mi ro ta ki",
    "korean": "",
    "yoruba": "a e ola",
    "swahili": "a i u",
    "pacific": "a e i",
    "maori": "a i",
}


def pseudo_name(rng: random.Random, origin: str, surname: bool) -> str:
    """A made-up but plausible name in the style of one origin group."""
    onsets, vowels, endings = (x.split() for x in PSEUDO_SYLLABLES[origin])
    n = rng.choice((1, 2, 2, 2, 3))
    word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(n))[:9]
    tails = endings if surname else PSEUDO_GIVEN_ENDINGS[origin].split()
    if tails and rng.random() < 0.7:
        word += rng.choice(tails)
    if origin in ("chinese", "korean") and not surname and rng.random() < 0.4:
        second = rng.choice(onsets) + rng.choice(vowels)
        word += ("-" if origin == "korean" else "") + second
    if len(word) < 3:
        word += rng.choice(vowels) + rng.choice(onsets)
    return word[0].upper() + word[1:]


# ---------------------------------------------------------------------------
# Second edition: more titles, genres and negative contexts.
# ---------------------------------------------------------------------------

TITLES_SURNAME += _split(
    """Miss, Lord, Lady, Baroness, Baron, Inspector, Lieutenant, Corporal,
    Agent, Nurse, Chief, Justice, Sen., Rep., Gov., Gen., Rev., Pastor,
    Bishop, Cardinal, Archbishop, Principal, Headmaster, Old, Cousin,
    Deputy, Commissioner, Constable, Private, Admiral, Dean"""
)
TITLES_FIRST += _split(
    """Queen, King, Prince, Princess, Pope, Empress, Emperor, Sultan, Emir,
    Grandma, Grandpa, Granny, Grandad, Mama, Papa, Little, Baby, Saint,
    Lady, Lord, Cousin, Miss, Mother, Father, Brother, Sister, Tsar"""
)

# Words that are given names elsewhere, used here as ordinary words (all O).
NAME_WORD_NEGATIVES: list[str] = [
    "Will the train to {CITY} leave on time?",
    "Will anyone be home on {DAY}?",
    "Will they really close the {CITY} branch?",
    "will u be around {DAYL}?",
    "May we bring the dog to {FACILITY}?",
    "May brings warmer weather to {PLACE}.",
    "The exam is in May, so revise in April.",
    "Hope the flight from {CITY} lands on time.",
    "Hope you feel better soon!",
    "There is still hope for the talks in {CITY}.",
    "Rose bushes line the path to {FACILITY}.",
    "Prices rose sharply in {COUNTRY} last {MONTH}.",
    "A single red rose lay on the table.",
    "Grace under pressure is what the coach wants.",
    "Mark the date: {DAY}, {MONTH} {NUM}.",
    "Markets in {CITY} fell for a third day.",
    "Bill me later for the repairs.",
    "The bill passed the senate on {DAY}.",
    "Jack the price up and see what happens.",
    "Joy spread through the crowd in {CITY}.",
    "Faith in {ORG} has never been lower.",
    "Amber warnings were issued for {PLACE}.",
    "Sage advice from the nurse: drink more water.",
    "Frank talks between the unions and {ORG} resumed.",
    "Summer in {PLACE} is short but bright.",
    "Autumn leaves covered the courts at {UNI}.",
    "Dawn broke over {CITY} as the ferry arrived.",
    "Ivy covers the old walls of {UNI}.",
    "Robin nests were found behind the shed.",
    "Iris scans are now used at {FACILITY}.",
    "Pat the dough flat and leave it for an hour.",
    "Sue the company if they refuse to pay.",
    "Max out the volume and press play.",
    "Chase the bus, we are late!",
    "Art classes start again in {MONTH}.",
    "Miles and miles of road lay ahead.",
    "Paris was cold and grey in {MONTH}.",
    "Flights to Georgia and Jordan were cancelled.",
    "The Victoria line was closed on {DAY}.",
    "Sydney and Adelaide both recorded heavy rain.",
    "Florence is crowded with tourists every {MONTH}.",
    "Austin hosts a huge music festival in {MONTH}.",
    "Chelsea drew with Arsenal on {DAY}.",
    "Jordan's border with Syria reopened in {MONTH}.",
    "Lincoln and Hamilton are both towns in New Zealand.",
    "Hamilton beat Wellington in the final over.",
    "The Ford plant near {CITY} cut a shift.",
    "Morgan Stanley moved its staff to a new tower in {CITY}.",
    "Martin guitars are made in Pennsylvania.",
    "Tiffany lamps sold well at the auction.",
    "Wendy's and McDonald's are opening later on weekends.",
    "Grace Church hosts a choir every {DAY}.",
    "August was the hottest month on record in {PLACE}.",
    "Brandy and soda, please.",
    "Olive oil prices rose again in {COUNTRY}.",
    "Ginger tea helps with a cold.",
    "Holly and ivy hung over the door.",
    "Heather grows wild on the hills near {CITY}.",
    "Crystal glasses broke during the move.",
    "Sterling fell against the euro on {DAY}.",
    "Victoria Park was packed for the concert.",
    "Virginia and Carolina both expect storms.",
]

# Ninth edition: given-name words as ordinary words, composed. The fixed sentences above
# were learned sentence by sentence: a model trained on them read "Pat the dough" right and
# "Pat the ..." of any other food as a name, and took the first word of "Sandy beaches",
# "Lily pads" or "Mason bees" for a name. Here a sentence starts with such a word in its
# word sense and goes on in many ways: a compound noun before a predicate, or a verb before
# its object.
NAME_WORD_COMPOUNDS: dict[str, list[str]] = {
    "Sandy": ["beaches", "soil", "paths", "dunes", "coves"],
    "Lily": ["pads", "bulbs", "pollen", "stems"],
    "Rose": ["petals", "bushes", "hips", "water", "gardens"],
    "Ivy": ["leaves", "roots", "tendrils"],
    "Holly": ["berries", "bushes", "wreaths", "hedges"],
    "Heather": ["moors", "honey", "slopes"],
    "Hazel": ["trees", "nuts", "hedges"],
    "Olive": ["groves", "trees", "harvests", "branches"],
    "Basil": ["leaves", "plants", "seedlings"],
    "Sage": ["leaves", "plants", "bushes"],
    "Ginger": ["biscuits", "roots", "cats", "snaps"],
    "Amber": ["lights", "beads", "warnings"],
    "Crystal": ["glasses", "vases", "chandeliers"],
    "Pearl": ["necklaces", "earrings", "divers", "buttons"],
    "Ruby": ["mines", "rings", "slippers"],
    "Coral": ["reefs", "polyps", "colonies"],
    "Mason": ["jars", "bees", "bricks"],
    "Hunter": ["boots", "gatherers", "jackets"],
    "Summer": ["storms", "holidays", "camps", "festivals", "evenings"],
    "Autumn": ["colours", "storms", "fairs", "menus"],
    "Dawn": ["raids", "patrols", "flights", "shifts"],
    "Grace": ["periods", "notes"],
    "Ray": ["tracing", "guns", "diagrams"],
    "Robin": ["redbreasts", "eggs", "nests", "songs"],
    "Jack": ["rabbits", "hammers", "knives"],
    "Bill": ["payments", "boards", "collectors"],
    "Frank": ["exchanges", "conversations", "reports"],
    "Art": ["galleries", "students", "supplies", "collectors"],
    "Chase": ["scenes", "cars", "sequences"],
    "Faith": ["schools", "leaders", "groups"],
    "Daisy": ["chains", "petals", "fields"],
    "Poppy": ["seeds", "fields", "wreaths"],
    "Cherry": ["blossoms", "trees", "tomatoes", "pits"],
    "Misty": ["mornings", "valleys", "hills"],
    "Sunny": ["spells", "afternoons", "days"],
    "Storm": ["clouds", "drains", "surges", "warnings"],
    "Rocky": ["paths", "outcrops", "shores"],
    "Carol": ["singers", "services", "concerts"],
    "Cliff": ["edges", "paths", "faces", "railways"],
    "Gene": ["therapies", "mutations", "pools", "variants"],
    "Herb": ["gardens", "butters", "teas"],
    "Willow": ["branches", "baskets", "trees"],
    "Jade": ["carvings", "bracelets", "plants"],
    "Ebony": ["keys", "carvings"],
    "Forest": ["fires", "rangers", "trails"],
    "Clay": ["pots", "tiles", "courts", "soils"],
}
NAME_WORD_PREDICATES = _split(
    """are easy to grow in a small garden, were on sale at the market in {CITY},
    need plenty of water in {MONTH}, have become popular again, cost more than last year,
    lined the road towards {FACILITY}, were everywhere in {CITY} that year,
    are the subject of a new study, made the old house feel warmer,
    were damaged by the frost, are hard to find in {COUNTRY}, were back on the menu,
    filled every shelf of the shop, draw visitors to {PLACE} every {MONTH},
    were ruined by the heavy rain, are cheaper online, are mentioned in the report,
    kept the children busy all afternoon"""
)
NAME_WORD_VERBS: dict[str, list[str]] = {
    "Pat": ["the fish", "the seeds into the soil", "the fillets", "your face", "the towel"],
    "Bob": ["your head to the music", "up and down in the water", "the fringe short"],
    "Sue": ["the landlord", "the builders", "the airline for the lost bags"],
    "Chase": ["the ball", "your dreams", "the sheep into the pen", "the invoice again"],
    "Mark": ["each answer in pencil", "the trail with tape", "the spot on the map"],
    "Bill": ["the client by the hour", "each guest separately"],
    "Jack": ["the van up slowly", "the fees up"],
    "Will": ["you call me when you land", "the shop be open on {DAY}", "we ever learn"],
    "May": ["I sit here", "we come in", "all your days be bright"],
    "Hope": ["you slept well", "the parcel turns up today", "to see you in {CITY}"],
    "Frank": ["and open talks are needed", "criticism is welcome here"],
}
NAME_WORD_TAILS = _split(
    """before the guests arrive, every morning, as soon as you can, after lunch,
    on {DAY}, in {MONTH}, carefully, twice, this week, when it rains"""
)


def compose_name_word_negative(rng: random.Random) -> str:
    """A sentence that opens with a given-name word in its word sense (tagged O)."""
    if rng.random() < 0.65:
        word = rng.choice(sorted(NAME_WORD_COMPOUNDS))
        noun = rng.choice(NAME_WORD_COMPOUNDS[word])
        text = f"{word} {noun} {rng.choice(NAME_WORD_PREDICATES)}"
    else:
        word = rng.choice(sorted(NAME_WORD_VERBS))
        text = f"{word} {rng.choice(NAME_WORD_VERBS[word])}"
        if word not in ("Will", "May", "Hope", "Frank") and rng.random() < 0.6:
            text += " " + rng.choice(NAME_WORD_TAILS)
    end = "?" if text.startswith(("Will ", "May I", "May we")) else rng.choice(".....!")
    return text + end


# People-named things that are not people: built from the name lists at run
# time (`EPORG`, `EPPLACE`, `EPTHING` slots), tagged O.
EPONYM_ORG_PATTERNS = _split(
    """{S} & {S}, {S} {S} LLP, {S} & Partners, {S} Group, {S} Holdings,
    {S} Foundation, the {S} Institute, {S} Motors, {S} Brothers, {S} Capital,
    {S} & Sons, {S} Logistics, {S} Pharma, {S} Consulting, {S} Bank,
    the {S} Trust, {F} {S} University, the {F} {S} Foundation, {S} Media"""
)
EPONYM_PLACE_PATTERNS = _split(
    """{S} Street, {S} Road, {S} Avenue, {S} Park, {S} Bridge, {S} Square,
    {F} {S} Airport, Lake {S}, Mount {S}, Port {S}, Fort {S}, {S} Hall,
    {S} Stadium, {F} {S} Boulevard, {S} Station, {S} Library, {F} {S} Hospital,
    St. {F}'s Hospital, {S} County, the {S} Building"""
)
EPONYM_THING_PATTERNS = _split(
    """{S}'s disease, the {S} Prize, the {S} Medal, the {S} effect,
    the {S} Cup, the {S} Trophy, the {S} Lecture, the {S} scale,
    the {S} method, {S}'s law, the {S} Award, a {S} scholarship,
    the {S} Report, the {S} test"""
)
EPONYM_THING_PATTERNS += _split(
    """{S}'s comet, {S}'s theorem, {S}'s syndrome, {S}'s paradox,
    {S}'s constant, {S}'s principle, the {S} equation, {S}'s rule,
    {S}'s sign, the {S} comet, the {S} manoeuvre, {S}'s conjecture"""
)
EPONYM_FIRM_PATTERNS = _split(
    """{S} {S}, {S} {S}, {S} {S}, {S}, {S}, {S} & {S}, {S} {S} & {S},
    {S} {S} LLP, {S} LLP, {S} & Co., {S} Partners"""
)
EPONYM_COMPANY_PATTERNS = _split(
    """{S} Industries, {S} Electric, {S} Systems, {S} Technologies,
    {S} Foods, {S} Energy, {S} Instruments, {S} Chemicals, {S} Aerospace,
    {S} Textiles, {S} Steel, {S} Healthcare, {S} Freight, {S} Robotics"""
)
LAW_FIRM_CONTEXT = _split(
    """law firm, accountancy firm, consultancy, bank, brokerage, agency, insurer,
    publisher, architecture practice, investment firm"""
)

PRONOUN_AGENTS = _split("She, He, They, We, I, Everyone, Nobody, Someone")
COMMON_AGENTS = _split(
    """The new intern, My neighbour, The driver, Our teacher, The nurse,
    The committee, The team, The government, Her husband, His sister,
    The old man, A spokesperson, The police, The chef, The author,
    The company, The board, The referee, The mayor's office, Local residents,
    The union, My dad, My mum, The landlord, The captain, The doctor"""
)
COMMON_OBJECTS = _split(
    """the manager, everyone, the kids, her mother, the neighbours, the bank,
    the police, my brother, the teacher, the whole team, someone, nobody,
    the landlord, the reporters, the board, the doctor, the driver,
    the committee, his cousin, our lawyer, the staff, the students, them,
    her, him, me, the winner, the customers"""
)
LOWER_OBJECTS = _split(
    """mom, dad, everyone, the guys, my sister, the boss, grandma, the kids,
    ur mum, the group, someone, nobody, the teacher, my roommate, them, him,
    her, the landlord, the team, bro"""
)

# Compositional frames: LEAD + agent + predicate + TAIL, with an agent slot
# that is a person most of the time and otherwise an organisation, an
# eponymous company, a pronoun or a common noun phrase.
LEADS = _split(
    """On {DAY}|, In {MONTH}|, Last {MONTH}|, In {CITY}|, Meanwhile|,
    According to {WIRE}|, Earlier this year|, After the match|, Yesterday|,
    At {FACILITY}|, Later that night|, Two years ago|, By {YEAR}|,
    Back in {YEAR}|, Unsurprisingly|, Honestly|, Surprisingly|, Still|,
    Despite the rain|, In a statement|, That evening|, In {YEAR}|""".replace("|", "")
)
PREDICATES = _split(
    """repairs the printers|, runs a small bakery in {CITY}|,
    resigned on {DAY}|, teaches chemistry at {UNI}|, plays for {TEAM}|,
    won the race in {CITY}|, lost the final|, moved to {PLACE} in {YEAR}|,
    works nights at {FACILITY}|, will travel to {PLACE} in {MONTH}|,
    won't be able to attend|, can't find the keys|, has two dogs and a cat|,
    is a nurse at {FACILITY}|, was born in {PLACE}|, grew up in {PLACE}|,
    studied law at {UNI}|, wrote the report|, rejected the offer from {ORG}|,
    denied the allegations|, declined to comment|, laughed|, smiled|, nodded|,
    scores again|, signs for {TEAM}|, speaks five languages|,
    cooks the best rice in {CITY}|, drives a {CAR}|, sold the house|,
    opened a clinic in {CITY}|, finished third|, retired in {YEAR}|,
    hates mornings|, loves {PLACE}|, writes poems about {PLACE}|,
    leads the research group|, chairs the committee|, founded {ORG}|,
    left {ORG} in {YEAR}|, joined {ORG} in {MONTH}|, paints landscapes|,
    sings in a choir|, coaches the under-12s|, repairs bicycles|,
    missed the penalty|, saved the penalty|, broke the record|,
    testified before the committee|, apologised|, was arrested in {CITY}|,
    was promoted to partner|, is expected to resign|, arrived late|,
    thinks the plan will fail|, says the deal is off|, told reporters nothing|,
    collapsed during the match|, recovered quickly|, published a new novel|,
    discovered a new species of beetle|, measured the samples twice|,
    analysed the data|, designed the bridge|, built the website|,
    flew to {CITY} on {DAY}|, took the train to {CITY}|, stayed in {PLACE}|,
    sent the invoice|, answered the phone|, forgot the password|,
    fell asleep on the sofa|, reads the news every morning|, walks to work|,
    has been promoted|, is running for mayor|, owns three restaurants|,
    volunteers at {FACILITY}|, invented a new sorting algorithm|,
    described the findings as surprising|, climbed the mountain alone|""".replace("|", "")
)
TRANSITIVE = _split(
    """met, called, thanked, interviewed, hired, replaced, congratulated,
    texted, visited, married, beat, defeated, elected, appointed, fired,
    sued, praised, criticised, introduced, invited, asked, told, followed,
    accused, hugged, blamed, warned, helped, emailed, phoned, succeeded,
    defended, coached, trained, supervised, interviewed, welcomed, ignored,
    greeted, consulted, outscored, edged, tackled, fouled, endorsed"""
)
TAILS = _split(
    """ in {CITY}|, on {DAY}|, last week|, at {FACILITY}|, after the game|,
    yesterday|, in {MONTH}|, this morning|, again|, twice|, before lunch|,
    at the airport|, in the final|, outside the court|, in front of everyone|""".replace("|", "")
)

# Templates of the second edition, by genre.
MORE_NAME_TEMPLATES: list[str] = [
    # headlines (title case)
    "{H1} and {H2} Clash Over Budget in {CITY}",
    "{H} Wins Re-Election in {PLACE}",
    "{H} Signs With {TEAM}",
    "{H} Steps Down as Head of {ORG}",
    "{H} Denies Wrongdoing After {ORG} Probe",
    "{H1} Beats {H2} to Reach Final",
    "{H} Named New Coach of {TEAM}",
    "{H} Takes Gold in {CITY}",
    "{H} Urges Calm as Protests Spread",
    "Who Is {H}? The Quiet Rise of a {CITY} Outsider",
    "{H} Returns to {CITY} for First Show in Years",
    "{H} Admits Mistakes, Vows to Stay On",
    "{H} Back in Training After Long Layoff",
    "Judge Orders {H} to Pay {ORG}",
    "{H} Wins {PRIZE}",
    # sport
    "{S1} scored in the {NUM}th minute before {S2} equalised.",
    "{N} finished ahead of {N2} in the {CITY} marathon.",
    "{N1} beat {N2} in straight sets.",
    "{S1} passed to {S2}, who headed it in.",
    "{N}, the {TEAM} captain, limped off after {NUM} minutes.",
    "{N} took {NUM} wickets as {TEAM} collapsed.",
    "Coach {S} praised {F2} for a brave performance.",
    "{S} crossed the line first, with {S2} a second behind.",
    "{F1} and {F2} will share the podium in {CITY}.",
    "{N} has been ruled out for {NUM} weeks with a knee injury.",
    # science
    "The study, led by {N} at {UNI}, followed {NUM} patients for two years.",
    "{N1} and {N2} describe a faster way to sequence genomes.",
    "Samples were analysed by {N1}, {N2} and {N3}.",
    "We thank {N} for access to the microscope.",
    "{TS} and colleagues report a new treatment for {DISEASE}.",
    "The data were collected by {I1} and {I2}.",
    "Correspondence should be addressed to {N} ({EMAIL}).",
    "The theory was first proposed by {N} in {YEAR}.",
    "{N}, a geologist at {UNI}, says the results are preliminary.",
    # biography
    "{N} was born in {PLACE} in {YEAR} and studied at {UNI}.",
    "Born in {CITY}, {N} moved to {PLACE} as a child.",
    "{N} ({YEAR}-{YEAR}) was a painter and teacher.",
    "After leaving {ORG}, {N} founded a charity in {CITY}.",
    "{N} married {N2} in {YEAR}; they had three children.",
    "As a young woman, {F} worked in a textile mill in {CITY}.",
    "{N} is survived by her husband, {N2}, and two sons.",
    "{N} spent her final years in {PLACE}.",
    "Her mentor, {N}, encouraged her to apply to {UNI}.",
    # fiction
    '"Where have you been all night?" {F} asked.',
    '"Not again," {F} muttered, reaching for the lamp.',
    "{F} closed the door and waited.",
    "{F} counted the coins twice before paying the driver.",
    "The whole street had heard of {N} long before she arrived.",
    "{TS} folded the map and pointed north, towards {N2}'s farm.",
    "{F} climbed the stairs slowly, one hand on the wall.",
    '"{F}, put that down!" his aunt called from the kitchen.',
    "At the bottom of the note, in pencil, was the name {F}.",
    "{F1} looked at {F2} and said nothing.",
    "Somewhere below, {F} was singing.",
    "It was {F}'s idea to take the boat out.",
    "{TS} kept a ledger of every debt in the village.",
    "When {F} woke, the house was silent.",
    # social media
    "so proud of {F} for finishing the thesis!!",
    "omw to see {N} live tonight",
    "big thanks to {TS} for staying late to help us",
    "{HANDLE1} congrats to {F1} on the award!!",
    "{f} is on fire today",
    "{f} is so good at this lol",
    "RT if {N} is your favourite author",
    "{N} answers every question in the forum, legend",
    "{F}'s playlist is carrying this road trip",
    "thread: everything {N} said at the {CITY} event",
    "{f} really said that with a straight face",
    "love this pic of {f} and {f2}",
    "happy bday {f}!!!",
    "happy anniversary {f1} and {f2}",
    # chat
    "{f} says she cant make it",
    "gotta drop {f} at the dentist first",
    "isnt {f} the one who works at {ORG}?",
    "{f} coming or not??",
    "lemme check with {f} first",
    "{f1} and {f2} got there early lol",
    "does {f} have the spare key",
    "{f} ur camera is off",
    "guess who just called... {f}",
    "pls remind {f} about {DAYL}",
    "did {f} pay u back yet",
    "tell {f} to bring snacks",
    "{f} pls call me",
    "so {f} and {f2} broke up??",
    "i told {f1} and {f2} to wait by the gate",
    "{f} left his jacket in my car again",
    "yo {f} where r u",
    "thanks {f} ur the best",
    # email and letters
    "Hi {F}, the contract is attached for your signature. Cheers, {F2}",
    "Dear {TS}, your subscription renews on {MONTH} {NUM}.",
    "Adding {F1} and {F2} to this thread.",
    "Warm wishes, {N}, {ROLE}, {ORG}",
    "Quick note: {F1} is covering the front desk while {F2} is on leave.",
    "Can you book a room for {TS} on {DAY}?",
    "Thanks {F} -- the quote from {ORG} is below.",
    "Dear {F}, please send the documents to the {CITY} office by {DAY}.",
    "From: {N} <{EMAIL}> To: {N2}",
    "On {DAY}, {N} wrote: sounds good, see you then.",
    # lists
    "Participants: {N1}, {N2}, {N3}, {N4}",
    "Finalists - {N1} / {N2} / {N3}",
    "Team {NUM} - {N1}, {N2}, {N3}",
    "Rota: {DAY} {F1}, {DAY} {F2}, {DAY} {F3}",
    "Speakers: {TS1} ({ORG}), {TS2} ({UNI})",
    "Winners: {N1} (gold), {N2} (silver), {N3} (bronze)",
    "Cast: {N1}, {N2} and {N3}",
    "Present: {F1}, {F2}, {F3}. Apologies: {F4}.",
    # quotes
    '"This is only the beginning," {N} said outside the court.',
    "'I wanted a quiet life,' {N} admitted.",
    "As {N} once wrote, every city is a promise.",
    '"Sit down, {F}," the teacher sighed.',
    '{TS} liked to say, "The river always wins."',
    '{N}: "We knew the risks."',
    # titles and honorifics
    "{TF} ruled for {NUM} years from {CITY}.",
    "{TF} visited {CITY} on {DAY}.",
    "{TF} opened the new wing of {FACILITY}.",
    "{TS} gave the keynote at {UNI}.",
    "The hearing, led by {TS}, was adjourned until {DAY}.",
    "Our landlord, {TS}, finally fixed the boiler.",
    "Check with {TS} before you book the hall.",
    "{TF} sends a card every {HOLIDAY}.",
    # people-named things next to people
    "{N} spent ten years at {EPORG}.",
    "{N} joined {EPORG} as a partner in {YEAR}.",
    "{N} founded {EPORG} in {YEAR}.",
    "{N} lives on {EPPLACE} with her two cats.",
    "{N} won {EPTHING} in {YEAR}.",
    "{TS} was diagnosed with {EPTHING} in {YEAR}.",
    "{EPORG} hired {N} as its new chief economist.",
    "The {LAWCTX} {EPORG} represented {N} in the case.",
    # names next to verbs and punctuation
    "{F} will call you back.",
    "{F} may be late.",
    "{N} hopes to finish the race.",
    "{N} marks the exams every June.",
    "{N} bills the clients monthly.",
    "{F}? She left an hour ago.",
    "{F}! Over here!",
    "{N}'s car is parked outside.",
    "{N} - {ROLE}, {ORG}",
    "{N} (pictured) at {FACILITY}.",
    "{N}, {N2}, {N3}: thank you.",
    "Thanks to {N} ({ORG}) for the data.",
]

MORE_NO_NAME_TEMPLATES: list[str] = [
    "{EPORG} will handle the appeal.",
    "{EPORG} doubled its headcount in {CITY}.",
    "{EPORG} opened a new office in {CITY}.",
    "The {LAWCTX} {EPORG} announced record profits.",
    "{EPORG} and {EPORG} agreed to merge.",
    "Shares in {EPORG} fell {PCT} percent on {DAY}.",
    "The bus stops at {EPPLACE} every ten minutes.",
    "Meet me outside {EPPLACE} at {TIME}.",
    "Traffic on {EPPLACE} was closed for repairs.",
    "{EPPLACE} was packed on {DAY}.",
    "Research on {EPTHING} received new funding.",
    "The winner of {EPTHING} will be announced in {MONTH}.",
    "{ORG} will build {NUM} new stores next year.",
    "{ORG} Cuts Jobs in {CITY}",
    "{COUNTRY} Raises Fuel Prices Again",
    "{ORG} Shares Jump After Strong Quarter",
    "Storms Hit {PLACE} as Rivers Rise",
    "{TEAM} Beat {TEAM} in Cup Thriller",
    "Typed on my {DEVICE}, sorry for typos",
    "ok see u at {TIME}",
    "lol same",
    "can u send me the link",
    "who's bringing the speaker tonight?",
    "stuck in traffic, save me a seat",
    "{COUNTRY} and {COUNTRY} reopened talks on fishing rights.",
    "{ORG} unveiled its spring collection in {CITY}.",
    "{ORG}'s new phone goes on sale in {MONTH}.",
    "Shopping list: flour, butter, sugar and eggs.",
    "Agenda: budget, hiring, office move.",
    "Ferries to {CITY} stopped running at {TIME}.",
    "The {HOLIDAY} ceremony is held in {CITY}.",
    "The {PROD} was sold out by noon.",
]

# ---------------------------------------------------------------------------
# Third edition: more places (real and made up), lower-case negatives,
# given names that are ordinary words, headline casing, suffixes, hashtags.
# ---------------------------------------------------------------------------

MORE_COUNTRIES = _split(
    """Afghanistan, Albania, Algeria, Angola, Armenia, Australia, Austria,
    Azerbaijan, Bahrain, Bangladesh, Belarus, Belgium, Benin, Bhutan, Bolivia,
    Botswana, Bulgaria, Burkina Faso, Burundi, Cambodia, Cameroon, Canada,
    Chile, Costa Rica, Croatia, Cuba, Cyprus, Denmark, Ecuador, El Salvador,
    Eritrea, Estonia, Fiji, Finland, Gabon, Gambia, Guatemala, Guinea, Guyana,
    Haiti, Honduras, Hungary, Iraq, Ireland, Jamaica, Kazakhstan, Kuwait,
    Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho, Liberia, Libya, Lithuania,
    Luxembourg, Madagascar, Malawi, Malaysia, Mali, Malta, Mauritania,
    Moldova, Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Namibia,
    Nepal, Nicaragua, Niger, Oman, Pakistan, Panama, Paraguay, Portugal,
    Qatar, Romania, Russia, Rwanda, Samoa, Saudi Arabia, Serbia, Singapore,
    Slovakia, Slovenia, Somalia, Spain, Sri Lanka, Sudan, Sweden, Switzerland,
    Syria, Taiwan, Tajikistan, Tanzania, Thailand, Togo, Tonga, Tunisia,
    Uganda, Ukraine, Uruguay, Uzbekistan, Vanuatu, Venezuela, Yemen, Zambia,
    Zimbabwe, Scotland, Wales, England, Catalonia, Bavaria, Quebec, Ontario,
    Texas, California, Ohio, Alaska, Hawaii, Patagonia, Siberia, Kerala,
    Punjab, Bengal, Tuscany, Andalusia, Normandy, Provence, Anatolia, Sinai,
    Galicia, Silesia, Lapland, Borneo, Sumatra, Java, Bali, Mindanao,
    Okinawa, Hokkaido, Zanzibar, Darfur, Kurdistan, Africa, Asia, Europe,
    Antarctica, Oceania, Scandinavia, the Balkans, the Caribbean"""
)
MORE_CITIES = _split(
    """Vienna, Brussels, Amsterdam, Rotterdam, Antwerp, Zurich, Geneva, Lyon,
    Toulouse, Bordeaux, Nice, Naples, Turin, Venice, Bologna, Palermo, Seville,
    Valencia, Bilbao, Porto, Krakow, Gdansk, Wroclaw, Budapest, Bucharest,
    Sofia, Belgrade, Zagreb, Sarajevo, Tirana, Vilnius, Riga, Tallinn, Minsk,
    Odesa, Kharkiv, Tbilisi, Yerevan, Baku, Almaty, Tashkent, Bishkek, Kabul,
    Karachi, Lahore, Islamabad, Delhi, Kolkata, Bangalore, Hyderabad, Dhaka,
    Colombo, Kathmandu, Yangon, Mandalay, Phnom Penh, Vientiane, Kuala Lumpur,
    Singapore, Surabaya, Cebu, Davao, Taipei, Hong Kong, Guangzhou, Shenzhen,
    Chengdu, Wuhan, Kyoto, Nagoya, Sapporo, Incheon, Pyongyang, Ulaanbaatar,
    Brisbane, Perth, Melbourne, Auckland, Christchurch, Suva, Apia, Honolulu,
    Anchorage, Vancouver, Toronto, Montreal, Calgary, Chicago, Boston,
    Seattle, Denver, Atlanta, Miami, Detroit, Baltimore, Nashville, Memphis,
    New Orleans, San Diego, Los Angeles, Las Vegas, Mexico City, Guadalajara,
    Monterrey, Havana, Kingston, Port-au-Prince, Caracas, Quito, La Paz,
    Asunción, Montevideo, Rosario, Córdoba, Medellín, Cali, Recife, Salvador,
    Fortaleza, Manaus, Curitiba, Rio de Janeiro, Brasília, Casablanca,
    Marrakesh, Tunis, Algiers, Tripoli, Khartoum, Kampala, Kigali, Dar es Salaam,
    Mombasa, Kinshasa, Luanda, Lusaka, Harare, Maputo, Windhoek, Gaborone,
    Durban, Cape Town, Pretoria, Abuja, Kano, Ibadan, Kumasi, Abidjan, Bamako,
    Niamey, Ouagadougou, Conakry, Freetown, Monrovia, Douala, Mogadishu,
    Djibouti, Asmara, Muscat, Doha, Riyadh, Jeddah, Beirut, Damascus, Baghdad,
    Basra, Isfahan, Shiraz, Ankara, Izmir, Antalya, Thessaloniki, Nicosia,
    Valletta, Bergen, Gothenburg, Malmo, Aarhus, Copenhagen, Turku, Tampere,
    Galway, Cork, Belfast, Cardiff, Glasgow, Edinburgh, Leeds, Manchester,
    Liverpool, Bristol, Oxford, Cambridge, Brighton, Nottingham"""
)
# Made-up place names (tagged O): an invented stem and a place-like ending.
PSEUDO_PLACE_STEMS = _split(
    """Kor, Vel, Ast, Mar, Dun, Bel, Tor, Sar, Lin, Ost, Kal, Bar, Nor, Zan,
    Riv, Mol, Ter, Cas, Hal, Pem, Ulan, Tam, Vor, Gal, Fen, Mir, Sol, Dra,
    Kest, Brin, Ash, Orm, Wen, Lud, Ket, Yar, Zor, Nad, Pol, Quen"""
)
PSEUDO_PLACE_ENDINGS = _split(
    """ia, stan, burg, ville, abad, pur, grad, ford, mouth, holm, vik, ton,
    field, dale, port, wick, ova, ania, land, heim, bridge, minster, ore,
    ana, opolis, sk, bay, haven, gate, more"""
)
PSEUDO_PLACE_PREFIXES = _split(
    """New, Port, Lake, Mount, San, Santa, Fort, North, South, East, West, Upper, Saint"""
)
CITIES += [x for x in MORE_CITIES if x not in CITIES]
COUNTRIES += [x for x in MORE_COUNTRIES if x not in COUNTRIES]
PLACES[:] = CITIES + COUNTRIES

MORE_ORGS = _split(
    """Airbus, Volkswagen, BMW, Audi, Renault, Fiat, Kia, Nissan, Subaru,
    Huawei, Xiaomi, Baidu, Rakuten, Uniqlo, Zara, H&M, Adidas, Puma, Nike,
    Reebok, Shell, BP, Aramco, Gazprom, Petrobras, Vale, Glencore, Danone,
    Heineken, Guinness, Aldi, Lidl, Tesco, Sainsbury's, Carrefour, Walmart,
    Target, Costco, Netflix, Spotify, Amazon, Google, Microsoft, Apple,
    Intel, Nvidia, Oracle, IBM, Accenture, KPMG, PwC, McKinsey, Bain,
    Skype, Uber, Airbnb, Jumia, Flutterwave, MTN, Vodacom, Ethiopian Airlines,
    Qatar Airways, Air India, Garuda, Aeroflot, Lufthansa, KLM, Ryanair,
    the BBC, Al Jazeera, the Guardian, Le Monde, NHK, the IMF, NATO, FIFA,
    the African Union, the European Union, Greenpeace, Amnesty International,
    Médecins Sans Frontières, the Ministry of Health, the Supreme Court,
    the city council, the Senate, Parliament"""
)
ORGS += [x for x in MORE_ORGS if x not in ORGS]

# Given names that are also ordinary words, places or brands, used as names:
# they are mixed into the English first names more often than their share.
AMBIGUOUS_FIRST = _split(
    """Will, May, Hope, Grace, Rose, Jordan, Mark, Bill, Jack, Joy,
    Faith, Summer, Dawn, Ivy, Iris, Robin, Frank, Pat, Sue, Max, Chase, Art,
    Miles, Olive, Holly, Heather, Crystal, Amber, Sage, Paris, Georgia,
    Florence, Victoria, Sydney, Austin, Chelsea, Brooklyn, Dakota, Carolina,
    Virginia, April, June, August, Autumn, Sunny, Happy, Precious, Blessing,
    Gift, Lucky, Patience, Charity, Mercy, Justice, Destiny, Harmony, Honey"""
)
AMBIGUOUS_SURNAMES = _split(
    """Ford, Price, Cook, Baker, Bishop, King, Knight, Fox, Wolf, Bird,
    Stone, Rivers, Hill, Banks, Marsh, Parks, Brooks, Field, Lane, Street,
    Walker, Young, Little, Long, Short, Rich, Strong, Love, Hope, Story,
    Day, Summers, Winter, Frost, Snow, Rain, Sterling, Cash, Gold, Silver,
    Church, Chapel, Temple, Mercer, Marshall, Sheriff, Judge, Major, Pope"""
)
FIRST_NAMES["english"].extend(x for x in AMBIGUOUS_FIRST if x not in FIRST_NAMES["english"])
SURNAMES["english"].extend(x for x in AMBIGUOUS_SURNAMES if x not in SURNAMES["english"])
KEEP_IN_TRAIN += AMBIGUOUS_FIRST + AMBIGUOUS_SURNAMES
AMBIGUOUS_RATE = 0.25  # share of English-origin people given an ambiguous first name
NAME_SUFFIXES = _split("Jr., Sr., II, III")

# Lower-case lines with no person in them (chat), including name-like words.
LOWER_NEGATIVES: list[str] = [
    "{CHATSTART}{LOWERNP} is so expensive now{CHATEND}",
    "{CHATSTART}cant find my {LOWERNP} anywhere{CHATEND}",
    "{CHATSTART}need more {LOWERNP} for the party{CHATEND}",
    "{CHATSTART}who took the {LOWERNP}{CHATEND}",
    "{CHATSTART}the {LOWERNP} in {PLACEL} was amazing{CHATEND}",
    "{CHATSTART}we ran out of {LOWERNP} again{CHATEND}",
    "{CHATSTART}bring {LOWERNP} and {LOWERNP} pls{CHATEND}",
    "{CHATSTART}going to {PLACEL} on {DAYL}{CHATEND}",
    "{CHATSTART}my {LOWERNP} broke{CHATEND}",
    "{CHATSTART}tell everyone the {LOWERNP} is ready{CHATEND}",
    "{CHATSTART}ask the teacher about the {LOWERNP}{CHATEND}",
    "{CHATSTART}will u grab {LOWERNP} on the way{CHATEND}",
    "{CHATSTART}may need to cancel{CHATEND}",
    "{CHATSTART}hope the {LOWERNP} arrives today{CHATEND}",
    "{CHATSTART}the {LOWERNP} smells like rose and mint{CHATEND}",
    "{CHATSTART}is it {LOWERNP} or {LOWERNP} tonight{CHATEND}",
    "{CHATSTART}paid for the {LOWERNP} already{CHATEND}",
    "{CHATSTART}people keep asking about the {LOWERNP}{CHATEND}",
    "{CHATSTART}it was never about the {LOWERNP}{CHATEND}",
    "{CHATSTART}mom says the {LOWERNP} is in the fridge{CHATEND}",
]
CHAT_STARTS = _split(
    """lol, omg, ok, ugh, wait, nah, yo, hey, so, btw, tbh, idk, brb, hmm, ahh, wow,
    ngl, lmao, fr, ok but, but, honestly, bruh, oh, yeah, ikr, ok so, also"""
) + [""]
LOWER_NPS = _split(
    """money, bread, rice, coffee, milk, tickets, charger, keys, cake, pizza,
    laundry, homework, rent, wifi, car, bus, train, music, people, snacks,
    gym, bill, mark, jack, rose, grace, hope, will, sage, bay leaves, cane
    sugar, honey, ginger, olive oil, amber beer, iris bulbs, ivy, holly,
    summer plans, dawn shift, frank answer, joy ride, chase scene, art class,
    robin eggs, heather tea, crystal glasses, sunny weather, lucky charm"""
)
HASHTAG_STEMS = _split("""Team, Go, Vote, Free, Love, Justice4, Save, Bring, Stand, Miss""")
SOCIAL_TEMPLATES: list[str] = [
    "{HASHTAG} trending again lol",
    "{N} with the win tonight {HASHTAG}",
    "so proud of {F} {HASHTAG}",
    "{HASHTAG} {HASHTAG} see you in {CITY}",
    "{f} really carried the team {HASHTAG}",
    "watching the {CITY} game {HASHTAG}",
    "{HANDLE1} {HASHTAG} congrats {F1}!",
]

HEADLINE_SMALL = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "as",
    "with",
}


def title_case_segments(segments: list[Segment]) -> list[Segment]:
    """Headline casing: capitalise the words of literals and values, not small words."""

    def cap(text: str) -> str:
        return re.sub(
            r"[A-Za-z][\w'-]*",
            lambda m: (
                m.group(0)
                if m.group(0).lower() in HEADLINE_SMALL and m.start() > 0
                else m.group(0)[:1].upper() + m.group(0)[1:]
            ),
            text,
        )

    return [(t if k == "name" else cap(t), k) for t, k in segments]


def pseudo_place(rng: random.Random) -> str:
    name = rng.choice(PSEUDO_PLACE_STEMS) + rng.choice(PSEUDO_PLACE_ENDINGS)
    if rng.random() < 0.25:
        name = rng.choice(PSEUDO_PLACE_PREFIXES) + " " + name
    return name


# Fourth edition: composed predicates, appositive roles, reported speech,
# prepositional objects, languages.
VERBS = _split(
    """arrived, left, laughed, cried, sang, danced, shouted, waited, slept,
    agreed, refused, resigned, retired, recovered, collapsed, apologised,
    returned, travelled, swam, surfs, sings, paints, writes, teaches, cooks,
    works, lives, studies, trains, runs, rides, drives, sails, climbs,
    preaches, lectures, argued, complained, hesitated, smiled, frowned,
    shrugged, paused, relaxed, panicked, celebrated, competed, campaigned,
    testified, volunteered, reported, voted, worked, lived, studied,
    trained, ran, rode, drove, sailed, climbed, prayed, performed, painted,
    wrote, taught, cooked, fished, hunted, farmed, knits, gardens, golfs,
    coaches, directs, produces, edits, translates, negotiates, reads,
    listens, speaks, answers, explains, insists, admits, confirms, denies,
    phoned, texted, emailed, posted, tweeted, blogged, streamed, filmed,
    photographed, sketched, designed, built, repaired, invented, improvised"""
)
COMPLEMENTS = _split(
    """at dawn|, on {DAY}|, in {CITY}|, for hours|, again|, with friends|,
    alone|, every morning|, after lunch|, before the match|, at {FACILITY}|,
    in {MONTH}|, near {PLACE}|, all night|, for {ORG}|, at {UNI}|,
    in silence|, without a word|, twice a week|, at the weekend|,
    in the rain|, by the river|, from home|, in {YEAR}|, on stage|,
    on the radio|, online|, in the garden|, for a living|, once more|""".replace("|", "")
)
ROLES_LOWER = _split(
    """neurologist, singer, striker, novelist, economist, lawyer, actress,
    actor, poet, farmer, teacher, nurse, surgeon, chef, architect, pilot,
    goalkeeper, defender, midfielder, coach, engineer, historian, biologist,
    physicist, journalist, photographer, rapper, drummer, painter, sculptor,
    activist, student, researcher, entrepreneur, designer, director,
    producer, spokesman, spokeswoman, diplomat, senator, minister, judge,
    priest, rabbi, imam, monk, professor, lecturer, author, comedian,
    dancer, cyclist, sprinter, boxer, wrestler, jockey, captain, veteran,
    grandmother, grandfather, cousin, neighbour, colleague, classmate,
    friend, sister, brother, son, daughter, mother, father, wife, husband"""
)
SAY_VERBS = _split(
    """said, told reporters, added, wrote, insisted, explained, replied,
    recalled, warned, joked, admitted, argued, noted, claimed, whispered,
    shouted, tweeted, posted, complained, confirmed"""
)
QUOTES = _split(
    """We are ready|, It is not over|, Nobody saw it coming|, I am proud of the team|,
    This changes everything|, The numbers are clear|, I need a holiday|,
    We will be back|, It was a mistake|, That is not true|, Give us time|,
    The water is rising|, I have no regrets|, We did our best|,
    Trust the process|, The door is open|, It felt like home|""".replace("|", "")
)
PREPOSITIONS = _split(
    """with, for, after, before, alongside, against, ahead of, behind,
    beside, instead of, without, like, near, opposite, next to, from"""
)
LANGUAGES = _split(
    """English, French, Spanish, Hindi, Urdu, Swahili, Tagalog, Arabic,
    Mandarin, Cantonese, Japanese, Korean, Vietnamese, Thai, Yoruba, Igbo,
    Hausa, Amharic, Zulu, Xhosa, Polish, Russian, Ukrainian, Turkish, Farsi,
    Portuguese, German, Dutch, Italian, Greek, Hebrew, Bengali, Tamil,
    Telugu, Punjabi, Malay, Indonesian, Quechua, Guarani, Maori, Samoan,
    Welsh, Gaelic, Icelandic, Finnish, Swedish, Norwegian, Danish, Latin"""
)
NATIONALITIES = _split(
    """Kenyan, Nigerian, Ghanaian, Ethiopian, Egyptian, Moroccan, Brazilian,
    Mexican, Peruvian, Chilean, Argentine, Colombian, Canadian, American,
    British, Irish, French, German, Polish, Czech, Hungarian, Greek, Turkish,
    Iranian, Indian, Pakistani, Chinese, Japanese, Korean, Vietnamese, Thai,
    Filipino, Indonesian, Australian, Samoan, Tongan, Fijian, Swedish,
    Norwegian, Finnish, Icelandic, Dutch, Belgian, Swiss, Italian, Spanish,
    Portuguese, Russian, Ukrainian, Georgian, Armenian, Lebanese, Syrian"""
)
PREDICATES += _split(
    """speaks {LANG} at home|, translated the book into {LANG}|,
    is learning {LANG}|, married a {NAT} diplomat|, coaches the {NAT} team|,
    joined the {NAT} embassy in {CITY}|, writes in {LANG}|""".replace("|", "")
)
SPEECH_FRAMES = [
    '"{QUOTE}," {A1} {SAY}.',
    '"{QUOTE}," {SAY} {ROLEL} {N1}.',
    '"{QUOTE}," {SAY} {N1}, a {ROLEL} from {CITY}.',
    '{N1} {SAY}: "{QUOTE}."',
    "\u201c{QUOTE},\u201d {SAY} {N1}.",
    "'{QUOTE},' {N1} {SAY}.",
    "{QUOTE}, {SAY} {TS1}.",
]

# ---------------------------------------------------------------------------
# Fourth edition: chat starters before names, headline verbs between names,
# firms and clubs named after people and places, eponyms at the start of a
# sentence, lists of foods and herbs, vocatives, sign-offs, numbered lists,
# possessive organisations before full names.
# ---------------------------------------------------------------------------

HEADLINE_VERBS = _split(
    """Meets, Thanks, Praises, Slams, Backs, Hosts, Calls, Warns, Urges,
    Visits, Joins, Blasts, Snubs, Hails, Rejects, Faces, Defeats, Replaces,
    Names, Sues, Fires, Hires, Welcomes, Greets, Tells, Asks, Invites,
    Challenges, Endorses, Phones, Rebukes, Beats, Outlasts, Stuns, Edges"""
)
HEADLINE_OBJECTS = _split(
    """Voters, Supporters, Critics, Fans, Donors, Workers, Doctors, Farmers,
    Teachers, Staff, Rivals, Reporters, Students, Investors, Neighbours,
    Regulators, Lawmakers, Protesters, Rescuers, Volunteers"""
)
HEADLINE_TAILS = [
    "",
    "",
    " in {CITY}",
    " Over Trade Deal",
    " Before Key Vote",
    " After Talks Stall",
    " at {CITY} Summit",
    " Amid Budget Row",
    " on Border Dispute",
    " for Crisis Talks",
    " as Deadline Looms",
    " Following Floods",
    " Despite Warnings",
    " in Rare Visit",
    " on {DAY}",
]
FOODS = _split(
    """rosemary, basil, thyme, sage, parsley, mint, oregano, dill, chives,
    coriander, tarragon, fennel, bay leaves, ginger, garlic, cinnamon,
    nutmeg, saffron, pepper, olives, honey, clementines, cherries, lemons,
    cumin, cloves, paprika, chillies, shallots, spinach, kale, lentils,
    rice, flour, butter, sugar, eggs, cream, yoghurt, almonds, walnuts,
    jasmine tea, poppy seeds, sorrel, angelica, lavender, marjoram, juniper,
    cardamom, turmeric, sesame, barley, semolina, rosehips, violets"""
)
DISHES = _split(
    """jollof, lasagne, dumplings, curry, tacos, ramen, pho, paella, stew,
    pierogi, tagine, dal, kimchi fried rice, jerk chicken, pancakes, brownies,
    banana bread, soup, mac and cheese, empanadas, samosas, plov, moussaka,
    lemon cake, fried plantain, gumbo, bibimbap, injera"""
)
FOOD_LIST_TEMPLATES: list[str] = [
    "Shopping list: {FOOD}, {FOOD}, {FOOD} and {FOOD}.",
    "You will need {FOOD}, {FOOD} and a pinch of {FOOD}.",
    "Toppings: {FOOD}, {FOOD} or {FOOD}.",
    "Add the {FOOD} and the {FOOD}, then simmer for ten minutes.",
    "Garnish with {FOOD} and {FOOD} before serving.",
    "The stall sells {FOOD}, {FOOD} and fresh {FOOD}.",
    "For the marinade: {FOOD}, {FOOD}, {FOOD}.",
    "{FOODC}, {FOODC} and {FOODC} grow by the back door.",
    "Menu: {DISHC}, {DISHC}, {DISHC}.",
    "{FOODC} or {FOOD}? Either works in this recipe.",
    "Season with {FOOD}, {FOOD} and a little {FOOD}.",
    "We planted {FOOD}, {FOOD} and {FOOD} in the new beds.",
    "{FOODC}, {FOODC}, {FOODC}: the three smells of my grandmother's kitchen.",
    "Spices used: {FOOD}, {FOOD}, {FOOD} and {FOOD}.",
    "{CHATSTART}{DISH} tonight or {DISH}{CHATEND}",
    "{CHATSTART}that {DISH} was elite{CHATEND}",
]
CLUB_PATTERNS = _split(
    """{C}, {C}, {C}, {C} United, {C} City, Real {C}, Sporting {C}, {C} FC,
    Olympique {C}, {C} Rovers, Stade {C}, {C} Athletic, Dynamo {C},
    Racing {C}, {C} Wanderers, {C} Saint-{FR}, Saint-{FR}, AS {C}, {C} Town"""
)
NAME_PLACES = _split(
    """Jordan, Georgia, Chad, Victoria, Florence, Paris, Sydney, Austin,
    Charlotte, Adelaide, Madison, Chelsea, Lincoln, Hamilton, Orlando,
    Jackson, Eugene, Virginia, Carolina, Santiago, Washington, Troy,
    Regina, Marion, Aurora, Beverly, Shelby, Tyler, Lorraine, Dallas"""
)
COUNTRY_HEADS = _split(
    """king, queen, prime minister, president, foreign minister, national
    team, army, parliament, central bank, capital, coastline, border,
    economy, defence minister, ambassador, football team, oldest mosque,
    largest city, national museum, crown prince"""
)
SPACE_THINGS = _split(
    """Earth, Mars, Venus, Jupiter, Saturn, Mercury, Neptune, Uranus, the Moon,
    the Sun, Pluto, Titan, Europa, the Milky Way, Andromeda, Orion"""
)
IMPERATIVES = _split(
    """sit down, wait for me, look out, get in the car, stop that, hurry up,
    be quiet, wake up, come here, go to bed, leave it, run, help me,
    bring the lamp, close the gate, answer me, drink your tea, listen,
    shut the door, take your coat, stay there, keep still"""
)
CALLERS = _split(
    """her mother called out, his father called, the old woman said, Grandpa
    yelled, someone whispered, her brother called from the yard, the
    teacher snapped, his aunt said quietly, a voice called, the captain
    barked"""
)
SIGNOFFS = _split(
    """Best, Best wishes, Kind regards, Regards, Thanks, Many thanks, Cheers,
    Love, Warmly, All the best, Speak soon, Yours, Take care, Sincerely"""
)
WORKS = _split(
    """novels, letters, paintings, plays, diaries, songs, sketches, poems,
    sermons, speeches, notebooks, photographs, symphonies, essays"""
)
KIN_WORDS = _split(
    """aunt, uncle, mother, father, grandmother, brother, sister, cousin,
    husband, wife, son, daughter, neighbour, best friend, landlady"""
)
TENS = _split("twenty, thirty, forty, fifty, sixty, seventy, eighty, ninety")
UNITS = _split("one, two, three, four, five, six, seven, eight, nine")
CROWDS = _split(
    """Rescue teams, Search crews, Relief workers, Medical staff, Volunteers,
    Firefighters, Engineers, Coast guards, Survey teams, Investigators,
    Border guards, Lifeguards, Park rangers, Aid workers, Forensic teams"""
)
PARTICLE_SURNAMES = {
    "spanish": _split("de la, del, de, de los, de las"),
    "southeast_asian": _split("dela, de la, delos, de, del, dela"),
    "portuguese": _split("da, dos, de, das"),
    "italian": _split("di, De, Della, del, da"),
    "french": _split("de, du, Le, de la, La"),
    "german": _split("von, von der, zu"),
    "dutch": _split("van, van der, de, van den, ter"),
    "arabic": _split("bin, ibn, Al, al, El, bin"),
    "persian": _split("Al"),
}
PARTICLE_RATE = 0.12
HYPHEN_SURNAME_RATE = 0.08
MIDDLE_NAME_RATE = 0.2  # full names with a middle name that are written with it
# Origins whose given names are often two names used together (Mohammad Reza, Nurlan Bek):
# how often such a person has a second given name, and how often a full name writes it
# (given given surname; the other origins: 0.3 and MIDDLE_NAME_RATE).
COMPOUND_GIVEN = {"turkish": 0.6, "arabic": 0.5, "persian": 0.6, "central_asian": 0.5}
COMPOUND_GIVEN_WRITTEN = 0.5
# Object slots (and chat objects) that hold two people joined by "and" / "&" / ",": lists
# of names, lower-case in chat ("with lena and kofi").
COORDINATION_RATE = 0.3
COORDINATORS = [" and ", " and ", " and ", " & ", ", "]
LINEAGE = _split("bin, bin, ibn, bint, binti, bin")

FOURTH_NAME_TEMPLATES: list[str] = [
    # headlines: surnames on both sides of a capitalised verb
    "{H1} {HVERB} {H2}{HTAIL}",
    "{H1} {HVERB} {H2}{HTAIL}",
    "{H1} {HVERB} {H2}{HTAIL}",
    "{H} {HVERB} {HOBJ}{HTAIL}",
    "{H} {HVERB} {HOBJ}{HTAIL}",
    "{HOBJ} {HVERB} {H}{HTAIL}",
    "{H1}, {H2} {HVERB} {HOBJ}{HTAIL}",
    "{ORG} {HVERB} {H}{HTAIL}",
    "{H} {HVERB} {ORG}{HTAIL}",
    "{H1} {HVERB} {H2}{HTAIL}",
    "{H1} {HVERB} {H2}{HTAIL}",
    "{H} {HVERB} {HOBJ}{HTAIL}",
    # given names alone in fiction and reported speech
    '"{QUOTE}," said {F1}.',
    '"{QUOTE}," {F1} {SAY}.',
    '"{QUOTE}," said {F1}, turning to {F2}.',
    "{F1} and {F2} {PRED}.",
    "{F}'s {KINW} {PRED}.",
    "By the time {F} got to the station, the last bus had left.",
    "When {F} came back, the kitchen was dark.",
    "Long after {F1} had gone, {F2} sat by the fire.",
    "{F} {PRED}, and nobody noticed.",
    # chat lines that open with a filler before a lower-case name
    "{CHATSTART}{f} left the {LOWERNP} at home again{CHATEND}",
    "{CHATSTART}{f} said he's running late{CHATEND}",
    "{CHATSTART}{f} says she's stuck at work{CHATEND}",
    "{CHATSTART}someone pls tell {f} we moved to {PLACEL}{CHATEND}",
    "{CHATSTART}need to pick {f} up after school{CHATEND}",
    "{CHATSTART}picking up {f} from the station{CHATEND}",
    "{CHATSTART}is {f} the one with the {LOWERNP}?",
    "{CHATSTART}{f} is busy {DAYL}{CHATEND}",
    "{CHATSTART}{f} says hi{CHATEND}",
    "{CHATSTART}ask {f} if the {LOWERNP} is ready{CHATEND}",
    "{CHATSTART}{f} and {f2} are coming too{CHATEND}",
    "{CHATSTART}did u see {f} at the match{CHATEND}",
    "{CHATSTART}{f}'s {DISH} is unreal{CHATEND}",
    "{CHATSTART}{f} lost the {LOWERNP} lmao{CHATEND}",
    "{CHATSTART}{f} just texted{CHATEND}",
    "{CHATSTART}call {f} back when u can{CHATEND}",
    "{CHATSTART}{f} thinks we should leave at {TIME}{CHATEND}",
    "{CHATSTART}remind {f} to pay the {LOWERNP}{CHATEND}",
    "{CHATSTART}give {f} the {LOWERNP} when u see her{CHATEND}",
    "{CHATSTART}was {f} at the party{CHATEND}",
    "{CHATSTART}{f} cant come {DAYL}{CHATEND}",
    "{CHATSTART}grabbing {f} on the way{CHATEND}",
    "{CHATSTART}text {f} the address{CHATEND}",
    "{CHATSTART}{n} made {DISH} for everyone{CHATEND}",
    "{CHATSTART}omw with {f}{CHATEND}",
    "{CHATSTART}just met {n} outside {PLACEL}{CHATEND}",
    # given name alone: sign-offs, vocatives, notes
    "{SIGNOFF}, {F}",
    "{SIGNOFF},  {F}",
    "{SIGNOFF} {F}",
    "See you {DAYL}! {SIGNOFF}, {F}",
    "The files are in the shared folder. {SIGNOFF}, {F}",
    "Thanks {F} - talk at {TIME}.",
    "Cheers {F} - the slides are in the shared folder.",
    "Many thanks {F} - I'll pass this on to {F2}.",
    "Sorry {F} - I missed your call.",
    "Hi {F} - quick question about the {CITY} trip.",
    "{F} - running behind, go ahead and order.",
    "Thanks {F}, will do.",
    '"{F}, {IMPER}!" {CALLER}.',
    '"{IMPERC}, {F}!" {CALLER}.',
    '"{F}!" {CALLER}. "{IMPERC}!"',
    "{F}, {IMPER}.",
    'Every note ended the same way: "{F}".',
    'Under the drawing, a child had written "{F}".',
    "{F} never answered the letter.",
    "{F} stood at the window for a long time.",
    "{F} shrugged and kept walking.",
    # numbered and bulleted lists of people
    "1. {N1} 2. {N2} 3. {N3}",
    "1) {N1} 2) {N2} 3) {N3}",
    "Winners: 1. {N1} 2. {N2} 3. {N3}",
    "- {N1} - {N2} - {N3}",
    "Rota: {DAY} {N1}, {DAY} {N2}",
    # full names at the start, then a verb
    "{N} {VERB} {COMP}.",
    "{N} won {PRIZE} in {YEAR}.",
    "{N} published an early {LANG} grammar.",
    "{N} lost the title in {YEAR}.",
    "{N} is due back in {MONTH}.",
    "{N} founded the company in {YEAR}; {N2} joined a year later.",
    "{N} came second and {N2} third.",
    "{N} beat {N2} in the final in {CITY}.",
    # possessives: an institution or a team before a full name
    "{UNI}'s {N} gave the opening lecture.",
    "{UNI}'s {N} led the study.",
    "{ORG}'s {N} declined to comment.",
    "{TEAM}'s {N} scored twice.",
    "{COUNTRY}'s {N} took gold in {CITY}.",
    "{CLUB}'s {N} was sent off.",
    "{N}'s {WORKS} are still read today.",
    "{S}'s {WORKS} sold poorly at first.",
    # named as / under / with
    "The board named {N} chair of the panel.",
    "{N} will captain {TEAM} next season.",
    "Work on the vaccine went on under {N}.",
    "{N} won {PRIZE} jointly with {N2}.",
    "{TS} and {N} were joint winners of {PRIZE}.",
    # firms and companies named after people
    "{N}, who practises at {EPFIRM}, said the ruling would be appealed.",
    "{N}, a partner at {EPFIRM}, declined to comment.",
    "{EPFIRM} acted for {ORG}, {N} confirmed.",
    "{EPFIRM} hired {N} from {EPFIRM}.",
    "{N} left {EPFIRM} to join {EPCO}.",
    "{N} runs the {CITY} office of {EPFIRM}.",
    # clubs named after places
    "{N} scored the winner as {CLUB} beat {CLUB}.",
    "{N} played in goal for {CLUB} in the win over {NPLACE}.",
    "{N} signed for {CLUB} from {CLUB}.",
    "{N} scored twice against {NPLACE} in the qualifier.",
    "{CLUB} sacked {TS} on {DAY}.",
    # titles and honorifics before long names
    "{TF} opened the new wing on {DAY}.",
    "{TS} is expected in {CITY} on {DAY}.",
    "{TS} served for {NUMW} years.",
    "{TF} held the throne for {NUMW} years.",
]
FOURTH_NO_NAME_TEMPLATES: list[str] = [
    "{CLUB} won away at {CLUB} on {DAY}.",
    "{CLUB} drew with {CLUB} on {DAY}.",
    "{CLUB} bought a winger from {CLUB} for a record fee.",
    "{CLUB} fans travelled to {CITY} for the final.",
    "{CLUB} and {CLUB} meet again in {MONTH}.",
    "{NPLACE} beat {NPLACE} in the qualifier.",
    "{CLUB} Beat {CLUB} to Go Top",
    "{NPLACE}'s {CHEAD} flew to {CITY} for talks.",
    "{NPLACE}'s {CHEAD} met {ORG} officials in {MONTH}.",
    "{COUNTRY}'s {CHEAD} arrived in {NPLACE} on {DAY}.",
    "{EPFIRM} acted for {ORG} in the takeover.",
    "{EPFIRM} and {EPFIRM} both worked on the bond sale.",
    "Lawyers from {EPFIRM} filed the appeal on {DAY}.",
    "{EPFIRM} opened an office in {CITY} in {YEAR}.",
    "{EPFIRM} has hired {NUM} associates this year.",
    "{EPCO} will shut its plant in {CITY}.",
    "{EPCO} cut {NUM} jobs in {MONTH}.",
    "{EPCO} shares fell on {DAY}.",
    "{EPTHING} was first described in {YEAR}.",
    "{EPTHING} is taught in every first-year course.",
    "{EPTHING} was named after its discoverer.",
    "Nobody has seen {EPTHING} up close.",
    "The probe flew past {SPACE} in {YEAR}.",
    "{SPACE} will be visible after midnight.",
    "Light from {SPACE} takes minutes to reach {SPACE}.",
    "{CROWD} from the army searched the valley overnight.",
    "{CROWD} worked through the night in {CITY}.",
    "{CROWD} from {COUNTRY} arrived on {DAY}.",
    "The dynasty ruled for {NUMW} years.",
    "The bridge stood for {NUMW} years.",
    "Will and patience carried the team through the season.",
    "Free will is a hard problem for philosophers.",
    "Hope is not a plan.",
    "May is the busiest month at the port.",
    "Rose petals covered the steps of the hall.",
    "Jordan and Georgia both sent observers.",
]

# Eighth edition: numbers and dates. Wire datelines, numeric dates, scores, results and
# standings lines without a person, and people next to dates (encyclopedia-style openings,
# a dateline before a name). Slots (render_dated): DATE a numeric date (2019-08-31,
# 31/08/2019, 31.8.2019), DATEL a written date (12 March 1971), CITYU an upper-case city,
# SCORE a result (3-1), CLOCK a time of day (19:45), STAT a measurement (20.054, .596), CUR
# a currency.
EIGHTH_NAME_TEMPLATES: list[str] = [
    "{N} (born {DATEL}) is a {NAT} {ROLEL}.",
    "{N} ({YEAR} - {YEAR}) was a {NAT} {ROLEL}.",
    "{N} (born {DATEL} in {CITY}) is a {NAT} {ROLEL} and writer.",
    "{CITYU} {DATE} - {N} said on {DAY} that the talks would go on.",
    "{S} said the vote would be held on {DATE}.",
    "{S1} was booked in the {NUM}th minute and {S2} scored from the spot.",
    "{N}, who turned {AGE} on {DATEL}, retired in {YEAR}.",
]
EIGHTH_NO_NAME_TEMPLATES: list[str] = [
    "{CITYU} {DATE}",
    "{CITYU}, {COUNTRY} {DATE}",
    "{CITYU} ({WIRE}) - Shares closed higher on {DAY}.",
    "{CLUB} {NUM} {CLUB} {NUM}",
    "Result: {CLUB} {SCORE} {CLUB}.",
    "{CLUB} {NUM} {NUM} {NUM} {STAT}",
    "{TEAM} {NUM} {NUM} {NUM} {NUM}",
    "Kickoff is at {CLOCK} on {DATE}.",
    "Updated {DATE} {CLOCK} GMT",
    "The figures for {DATE} were revised on {DATE}.",
    "Delivery is due by {DATE}; call before {CLOCK}.",
    "Net profit rose to {NUM}.{NUM} million {CUR} in the year to {DATEL}.",
    "The index closed at {STAT} on {DATEL}.",
    "{COUNTRY} won {SCORE} and {COUNTRY} drew {SCORE}.",
]

NAME_TEMPLATES += MORE_NAME_TEMPLATES + SOCIAL_TEMPLATES + FOURTH_NAME_TEMPLATES
NAME_TEMPLATES += EIGHTH_NAME_TEMPLATES
NO_NAME_TEMPLATES += FOURTH_NO_NAME_TEMPLATES + FOOD_LIST_TEMPLATES
NO_NAME_TEMPLATES += MORE_NO_NAME_TEMPLATES + EIGHTH_NO_NAME_TEMPLATES

SLOT_RE = re.compile(r"\{([A-Za-z]+)(\d?)\}")
PERSON_SLOTS = {
    "P",
    "N",
    "F",
    "S",
    "TS",
    "TF",
    "H",
    "I",
    "f",
    "n",
    "EMAIL",
    "HANDLE",
    "A",
    "O",
    "a",
}
NAME_VALUE_SLOTS = {"EPORG", "EPPLACE", "EPTHING", "EPFIRM", "EPCO"}
_ASCII_FOLD = str.maketrans(
    {"ø": "o", "Ø": "O", "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "ı": "i"}
    | {"ß": "ss", "æ": "ae", "Æ": "AE", "đ": "d", "Đ": "D"}
)


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLD))
    return "".join(c for c in text if c.isascii() and (c.isalnum() or c == "."))


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------


@dataclass
class Person:
    origin: str
    sur_origin: str
    first: str
    middle: str
    surnames: list[str]
    family_first: bool

    @property
    def surname(self) -> str:
        return " ".join(self.surnames)


@dataclass
class NamePools:
    """First names and surnames available to one split, per origin."""

    first: dict[str, list[str]]
    sur: dict[str, list[str]]


def split_pools(seed: int, holdout: float) -> tuple[NamePools, NamePools]:
    """Hold out a fraction of each origin's names for dev only."""
    keep = set(KEEP_IN_TRAIN)
    train = NamePools({}, {})
    dev = NamePools({}, {})
    for kind, table, tr, dv in (
        ("first", FIRST_NAMES, train.first, dev.first),
        ("sur", SURNAMES, train.sur, dev.sur),
    ):
        for origin in sorted(table):
            names = sorted(table[origin])
            rng = random.Random(f"{seed}:{kind}:{origin}")
            rng.shuffle(names)
            candidates = [x for x in names if x not in keep]
            n_out = round(len(names) * holdout)
            held = candidates[:n_out]
            tr[origin] = [x for x in names if x not in held]
            dv[origin] = held
    # A string that is a first name in one list and a surname in another must
    # not be held out on one side only.
    train_strings = {x for pool in (train.first, train.sur) for v in pool.values() for x in v}
    for pool, tr_pool in ((dev.first, train.first), (dev.sur, train.sur)):
        for origin in sorted(pool):
            moved = [x for x in pool[origin] if x in train_strings]
            pool[origin] = [x for x in pool[origin] if x not in train_strings]
            tr_pool[origin].extend(moved)
    return train, dev


class PersonFactory:
    def __init__(self, rng: random.Random, train: NamePools, dev: NamePools | None):
        self.rng = rng
        self.train = train
        self.dev = dev  # None while generating the training split
        self.origins = sorted(FIRST_NAMES)

    def _pick(self, pools: list[dict[str, list[str]]], origin: str, surname: bool = False) -> str:
        style = PSEUDO_STYLE.get(origin)
        if style and self.rng.random() < PSEUDO_RATE[surname]:
            return pseudo_name(self.rng, style, surname)
        for pool in pools:
            if pool.get(origin):
                return self.rng.choice(pool[origin])
        raise ValueError(f"no names for origin {origin!r}")

    def make(self) -> Person:
        rng = self.rng
        origin = rng.choice(self.origins)
        sur_origin = origin if rng.random() < 0.85 else rng.choice(self.origins)
        if self.dev is None:
            first_pools = [self.train.first]
            sur_pools = [self.train.sur]
        else:
            r = rng.random()
            if r < 0.55:  # completely unseen person
                first_pools, sur_pools = (
                    [self.dev.first, self.train.first],
                    [
                        self.dev.sur,
                        self.train.sur,
                    ],
                )
            elif r < 0.85:  # completely seen person
                first_pools, sur_pools = [self.train.first], [self.train.sur]
            elif r < 0.93:  # unseen first name, seen surname
                first_pools = [self.dev.first, self.train.first]
                sur_pools = [self.train.sur]
            else:  # seen first name, unseen surname
                first_pools = [self.train.first]
                sur_pools = [self.dev.sur, self.train.sur]
        first = self._pick(first_pools, origin)
        if origin in ("english", "caribbean") and rng.random() < AMBIGUOUS_RATE:
            first = rng.choice(AMBIGUOUS_FIRST)
        surnames = [self._pick(sur_pools, sur_origin, surname=True)]
        if rng.random() < DOUBLE_SURNAME.get(sur_origin, 0.0):
            second = self._pick(sur_pools, sur_origin, surname=True)
            if second != surnames[0]:
                surnames.append(second)
        particles = PARTICLE_SURNAMES.get(sur_origin)
        if particles and rng.random() < PARTICLE_RATE and surnames[0][:1].isupper():
            surnames[0] = f"{rng.choice(particles)} {surnames[0]}"
        elif len(surnames) == 1 and rng.random() < HYPHEN_SURNAME_RATE:
            second = self._pick(sur_pools, rng.choice([sur_origin, origin]), surname=True)
            if second != surnames[0] and " " not in second + surnames[0]:
                surnames[0] = f"{surnames[0]}-{second}"
        family_first = sur_origin == origin and rng.random() < FAMILY_FIRST.get(origin, 0.0)
        middle = ""
        if family_first and origin == "vietnamese":
            if rng.random() < 0.6:
                middle = rng.choice(VIETNAMESE_MIDDLE)
        elif not family_first and rng.random() < COMPOUND_GIVEN.get(origin, 0.3):
            middle = self._pick(first_pools, origin)
            if middle == first:
                middle = ""
        return Person(origin, sur_origin, first, middle, surnames, family_first)


def initial(name: str) -> str:
    return name[0].upper() + "."


def full_name(p: Person, rng: random.Random) -> str:
    if p.family_first:
        parts = [p.surname, p.middle, p.first]
        return " ".join(x for x in parts if x)
    if p.origin in ("arabic", "southeast_asian") and p.middle and rng.random() < 0.3:
        return f"{p.first} {rng.choice(LINEAGE)} {p.middle} {p.surname}"
    if p.origin in COMPOUND_GIVEN and p.middle and rng.random() < COMPOUND_GIVEN_WRITTEN:
        return f"{p.first} {p.middle} {p.surname}"
    r = rng.random()
    if r < MIDDLE_NAME_RATE and p.middle:
        return f"{p.first} {p.middle} {p.surname}"
    if r < 0.20:
        mid = p.middle or rng.choice("ABCDEFGHJKLMNPRSTW")
        return f"{p.first} {initial(mid)} {p.surname}"
    if r < 0.26:
        inits = initial(p.first)
        if p.middle or rng.random() < 0.4:
            inits += " " + initial(p.middle or rng.choice("ABCDEJLMRT"))
        return f"{inits} {p.surname}"
    if p.origin in ("english", "caribbean") and r > 0.96:
        return f"{p.first} {p.surname} {rng.choice(NAME_SUFFIXES)}"
    return f"{p.first} {p.surname}"


def title_for_surname(p: Person, rng: random.Random) -> str:
    local = LOCAL_TITLES_SURNAME.get(p.sur_origin, [])
    if local and rng.random() < 0.3:
        return rng.choice(local)
    return rng.choice(TITLES_SURNAME)


Segment = tuple[str, str]  # (text, kind) with kind in {"lit", "val", "name"}


def render_person(kind: str, p: Person, rng: random.Random) -> list[Segment]:
    if kind == "N":
        return [(full_name(p, rng), "name")]
    if kind == "F":
        return [(p.first, "name")]
    if kind == "S":
        return [(p.surname, "name")]
    if kind == "f":
        return [(p.first.lower(), "name")]
    if kind == "n":
        return [((full_name(p, rng) if rng.random() < 0.5 else p.first).lower(), "name")]
    if kind == "TS":
        return [(title_for_surname(p, rng) + " ", "val"), (p.surname, "name")]
    if kind == "TF":
        local = LOCAL_TITLES_FIRST.get(p.origin, [])
        title = rng.choice(local if local and rng.random() < 0.3 else TITLES_FIRST)
        name = p.first if rng.random() < 0.7 else full_name(p, rng)
        return [(title + " ", "val"), (name, "name")]
    if kind == "H":  # headlines: surname alone or the full name
        return [(p.surname if rng.random() < 0.5 else full_name(p, rng), "name")]
    if kind == "I":  # initials and surname, as in author lists
        inits = initial(p.first)
        if rng.random() < 0.4:
            inits += " " + initial(p.middle or rng.choice("ABCDEFGHJKLMNPRSTW"))
        return [(f"{inits} {p.surname}", "name")]
    if kind == "EMAIL":
        local = ascii_fold(p.first).lower()
        sur = ascii_fold("".join(p.surnames[0].split())).lower()
        local = rng.choice([f"{local}.{sur}", f"{local[:1]}{sur}", f"{local}{sur[:1]}"])
        return [(f"{local}@{rng.choice(EMAIL_DOMAINS)}", "val")]
    if kind == "HANDLE":
        base = ascii_fold(p.first).lower()
        suffix = rng.choice(["", "_" + ascii_fold(p.surname)[:1].lower(), str(rng.randint(1, 99))])
        return [(f"@{base}{suffix}", "val")]
    if kind == "P":
        r = rng.random()
        if r < 0.55:
            return [(full_name(p, rng), "name")]
        if r < 0.70:
            return [(p.first, "name")]
        if r < 0.82:
            return [(title_for_surname(p, rng) + " ", "val"), (full_name(p, rng), "name")]
        if r < 0.96:
            return [(title_for_surname(p, rng) + " ", "val"), (p.surname, "name")]
        local = LOCAL_TITLES_FIRST.get(p.origin, [])
        title = rng.choice(local if local and rng.random() < 0.5 else TITLES_FIRST)
        return [(title + " ", "val"), (p.first, "name")]
    raise KeyError(kind)


def render_value(kind: str, rng: random.Random) -> str:
    tables = {
        "CITY": CITIES,
        "PLACE": PLACES,
        "COUNTRY": COUNTRIES,
        "ORG": ORGS,
        "WIRE": WIRES,
        "PROD": PRODUCTS,
        "CAR": CARS,
        "DEVICE": DEVICES,
        "APP": APPS,
        "FACILITY": FACILITIES,
        "UNI": UNIVERSITIES,
        "TEAM": TEAMS,
        "PRIZE": PRIZES,
        "DISEASE": DISEASES,
        "HOLIDAY": HOLIDAYS,
        "DAY": DAYS,
        "MONTH": MONTHS,
        "TIME": TIMES,
        "ROLE": ROLES,
        "LAWCTX": LAW_FIRM_CONTEXT,
        "LANG": LANGUAGES,
        "NAT": NATIONALITIES,
        "ROLEL": ROLES_LOWER,
        "SAY": SAY_VERBS,
        "QUOTE": QUOTES,
    }
    if kind in ("CITY", "PLACE", "COUNTRY") and rng.random() < 0.15:
        return pseudo_place(rng)
    fourth = {
        "HVERB": HEADLINE_VERBS,
        "HOBJ": HEADLINE_OBJECTS,
        "FOOD": FOODS,
        "DISH": DISHES,
        "NPLACE": NAME_PLACES,
        "CHEAD": COUNTRY_HEADS,
        "SPACE": SPACE_THINGS,
        "IMPER": IMPERATIVES,
        "CALLER": CALLERS,
        "SIGNOFF": SIGNOFFS,
        "CROWD": CROWDS,
        "VERB": VERBS,
        "WORKS": WORKS,
        "KINW": KIN_WORDS,
    }
    if kind in fourth:
        return rng.choice(fourth[kind])
    if kind in ("FOODC", "DISHC", "IMPERC"):
        word = rng.choice({"FOODC": FOODS, "DISHC": DISHES, "IMPERC": IMPERATIVES}[kind])
        return word[:1].upper() + word[1:]
    if kind in ("HTAIL", "COMP", "PRED"):
        text = rng.choice({"HTAIL": HEADLINE_TAILS, "COMP": COMPLEMENTS, "PRED": PREDICATES}[kind])
        return SLOT_RE.sub(lambda m: render_value(m.group(1), rng), text)
    if kind == "NUMW":
        return rng.choice(TENS) + rng.choice(["", "-" + rng.choice(UNITS)])
    if kind == "CLUB":
        pattern = rng.choice(CLUB_PATTERNS)
        city = rng.choice(CITIES) if rng.random() < 0.8 else pseudo_place(rng)
        first = rng.choice(FIRST_NAMES["french"])
        return pattern.replace("{C}", city).replace("{FR}", first)
    if kind == "CHATSTART":
        start = rng.choice(CHAT_STARTS)
        return start + " " if start else ""
    if kind == "CHATEND":
        return rng.choice(CHAT_ENDINGS)
    if kind == "LOWERNP":
        return rng.choice(LOWER_NPS)
    if kind in tables:
        return rng.choice(tables[kind])
    if kind == "PLACEL":
        return rng.choice(PLACES).lower()
    if kind == "DAYL":
        return rng.choice(DAYS).lower()
    if kind == "NUM":
        return str(rng.randint(1, 28))
    if kind == "AGE":
        return str(rng.randint(19, 88))
    if kind == "PCT":
        return str(rng.randint(2, 61))
    if kind == "YEAR":
        return str(rng.randint(1948, 2023))
    return render_dated(kind, rng)


def render_dated(kind: str, rng: random.Random) -> str:
    """The eighth edition's slots: dates, datelines, scores, times and measurements."""
    year, month, day = rng.randint(1948, 2026), rng.randint(1, 12), rng.randint(1, 28)
    if kind == "DATE":
        style = rng.choice(["{y}-{m:02d}-{d:02d}", "{d:02d}/{m:02d}/{y}", "{d}.{m}.{y}"])
        return style.format(y=year, m=month, d=day)
    if kind == "DATEL":
        return f"{day} {MONTHS[month - 1]} {year}"
    if kind == "CITYU":
        return rng.choice(CITIES).upper()
    if kind == "SCORE":
        return f"{rng.randint(0, 7)}-{rng.randint(0, 7)}"
    if kind == "CLOCK":
        return f"{rng.randint(0, 23):02d}:{rng.choice([0, 15, 30, 45]):02d}"
    if kind == "STAT":
        whole = rng.choice(["", str(rng.randint(1, 99))])
        return f"{whole}.{rng.randint(0, 999):03d}"
    if kind == "CUR":
        return rng.choice(CURRENCIES)
    raise KeyError(kind)


def parse_template(template: str) -> list[tuple[str, str, int]]:
    """Return [(literal, slot_kind, slot_index), ...]; slot_kind '' = literal."""
    parts: list[tuple[str, str, int]] = []
    pos = 0
    for m in SLOT_RE.finditer(template):
        if m.start() > pos:
            parts.append((template[pos : m.start()], "", 0))
        parts.append(("", m.group(1), int(m.group(2) or 0)))
        pos = m.end()
    if pos < len(template):
        parts.append((template[pos:], "", 0))
    return parts


def add_typo(segments: list[Segment], rng: random.Random) -> list[Segment]:
    """Swap two letters inside one longer literal word."""
    spots = [
        (i, m.start(), m.end())
        for i, (text, kind) in enumerate(segments)
        if kind == "lit"
        for m in re.finditer(r"[A-Za-z]{5,}", text)
    ]
    if not spots:
        return segments
    i, start, end = rng.choice(spots)
    text = segments[i][0]
    j = rng.randint(start + 1, end - 3)
    text = text[:j] + text[j + 1] + text[j] + text[j + 2 :]
    out = list(segments)
    out[i] = (text, "lit")
    return out


SHARE_NO_NAME = 0.11  # fixed templates without people
SHARE_NAME_WORDS = 0.07  # given-name words used as ordinary words (0.05 until the ninth)
NAME_WORD_COMPOSED = 0.6  # of those, composed (ninth edition) rather than fixed sentences
SHARE_FRAMES = 0.35  # compositional frames
SHARE_LOWER_NEG = 0.04  # lower-case chat lines without people
PERSON_SHARE = {"A": 0.7, "O": 0.7, "a": 0.7}  # how often A/O/a slots hold a person
PSEUDO_RATE = {False: 0.25, True: 0.4}  # share of made-up first names / surnames
PSEUDO_STYLE = {origin: origin for origin in PSEUDO_SYLLABLES} | {
    "celtic": "english",
    "caribbean": "english",
    "portuguese": "spanish",
    "dutch": "german",
    "hungarian": "slavic",
    "persian": "arabic",
    "south_asian": "indian",
    "vietnamese": "chinese",
    "igbo": "yoruba",
    "west_african": "yoruba",
    "southern_african": "swahili",
    "central_african": "swahili",
    "central_asian": "turkish",
    "southeast_asian": "pacific",
    "indigenous_americas": "pacific",
}
CHAT_START_RATE = 0.5  # chat frames that open with a filler (lol, nah, brb)
CHAT_ENDINGS = ["", "", " lol", " haha", "!!", " tbh", " :)", " rn", "??", " smh"]

# ---------------------------------------------------------------------------
# Sixth edition: everyday life in the composed frames. Without it the only
# "X went ..." was "The {PROD} went on sale", and a lead-in always had its
# comma, so "After school Maria went home." read Maria as no name.
# ---------------------------------------------------------------------------
PREDICATES += _split(
    """went home|, went home early|, went to bed|, went to the gym|, went shopping|,
    went for a run|, went back to work|, came home late|, came back from {CITY}|,
    came over for dinner|, got home at midnight|, got the job|, got lost in {CITY}|,
    left early|, left the party|, drove home|, drove to {CITY}|, walked the dog|,
    walked to school|, cooked dinner|, made breakfast|, did the dishes|, took a nap|,
    took the kids to school|, fed the cat|, watched a film|, played football in the park|,
    read a book|, called her mother|, called his brother|, texted back|, missed the bus|,
    caught the last train|, fixed the sink|, painted the kitchen|, cleaned the flat|,
    finished the puzzle|, lost the keys again|, found a wallet|, bought a new bike|,
    borrowed my charger|, fell off the ladder|, broke a glass|, slept until noon|,
    stayed up late|, woke up early|, had a cold|, felt better|, looked tired|,
    seemed happy|, passed the exam|, failed the driving test|, started a new job|,
    quit smoking|, moved house|, won the raffle|, baked a cake|, planted tomatoes|""".replace(
        "|", ""
    )
)
LEADS += _split(
    """After lunch|, After school|, After dinner|, After work|, Before lunch|, At noon|,
    This morning|, Last night|, On the way home|, At the weekend|, Later|, Then|,
    Afterwards|, That afternoon|, On Sunday morning|, At midnight|, Before breakfast|""".replace(
        "|", ""
    )
)
LEAD_NO_COMMA_RATE = 0.4  # lead-ins written without their comma ("Then Maria left.")

# ---------------------------------------------------------------------------
# Seventh edition: a name before a word of time. Until now no name was ever
# followed by `tonight`, `today`, `later` or `tomorrow` (`tonight` only followed
# dishes and things), so "She saw Maria tonight." read Maria as no name. The
# tails now have words of time, prepositional objects take a tail too, and
# everyday verbs take a person as their object.
# ---------------------------------------------------------------------------
TAILS += _split(
    """today|, tonight|, tomorrow|, later|, later today|, this afternoon|, this evening|,
    tomorrow morning|, next week|, on the weekend|, soon|, right now|, earlier|,
    last night|, after work|, every day|, all the time|, for a while|, first thing tomorrow|,
    on {DAY} night|, again tonight|, at {TIME}|""".replace("|", "")
)
TRANSITIVE += _split(
    """saw, will see, is seeing, is meeting, will meet, will call, should call,
    can't reach, went out with, had lunch with, had dinner with, met up with,
    hung out with, is picking up, dropped off, waited for, is waiting for,
    ran into, bumped into, is visiting, babysat, drove, picked up, looked after,
    caught up with, played tennis with, is having coffee with, talked to"""
)
PREP_TAIL_RATE = 0.35  # prepositional objects followed by a tail ("with Anja tonight")


def compose_frame(rng: random.Random) -> str:
    """A template built from parts: lead-in, agent, predicate or verb + object, tail."""
    r = rng.random()
    if r < 0.12:
        return rng.choice(SPEECH_FRAMES)
    chat = rng.random() < 0.22
    lead = rng.choice(LEADS) + ", " if rng.random() < 0.35 and not chat else ""
    if lead and rng.random() < LEAD_NO_COMMA_RATE:
        lead = lead[:-2] + " "
    agent = "{a1}" if chat else "{A1}"
    if not chat and rng.random() < 0.12:
        agent = ("The {ROLEL} " if not lead else "the {ROLEL} ") + "{N1}"
        if rng.random() < 0.5:
            agent = "{N1}, the {ROLEL},"
    r = rng.random()
    obj = "{a2}" if chat else "{O2}"
    if r < 0.3:
        body = f"{agent} {rng.choice(PREDICATES)}"
    elif r < 0.55:
        comp = rng.choice(COMPLEMENTS + [""] * 6)
        body = f"{agent} {rng.choice(VERBS)}" + (" " + comp if comp else "")
    elif r < 0.7:
        body = f"{agent} {rng.choice(VERBS)} {rng.choice(PREPOSITIONS)} {obj}"
        if rng.random() < PREP_TAIL_RATE:
            body += " " + rng.choice(TAILS)
    else:
        tail = rng.choice(TAILS + [""] * 4)
        body = f"{agent} {rng.choice(TRANSITIVE)} {obj}" + (" " + tail if tail else "")
    if chat:
        body = re.sub(
            r"(\{[A-Za-z]+\d?\})|([^{]+)", lambda m: m.group(1) or m.group(2).lower(), body
        )
        if rng.random() < CHAT_START_RATE:
            body = "{CHATSTART}" + body
        return body + rng.choice(CHAT_ENDINGS)
    return lead + body + rng.choice([".", ".", ".", "!", ";", " -", ""])


# ---------------------------------------------------------------------------
# Tenth edition: the vocabulary of real prose. The templates hold ~28,000 word
# forms, most of them names; ordinary words of news and everyday prose were
# missing (`which`, `victory`, `role`, `peace`, `testimony`), so a model
# trained here read such an unseen lower-case word as a name (on CoNLL-2003
# dev, 120 of the main job's ~450 false entities were lower-case words).
# Composed sentences now use 891 common nouns (about 200 of them also names:
# `price`, `cash`, `bond`, `mason`), their plurals, 349 adjectives, 300 verbs
# and 150 connectives, written for this project, around a person slot or none.
# Words that the sixth blind set uses as names or name-like words (`dawn`,
# `grace`, `hope`, `mark`, `will`, `frank`, ...) are left out, so that set
# measures the lesson, not the words.
# ---------------------------------------------------------------------------
COMMON_NOUNS = _split(
    """
    price, market, inflation, contract, bond, cash, stock, share, dividend, loss, revenue,
    salary, wage, victory, role, peace, expert, testimony, production, format, hole, union,
    case, floor, tax, budget, deficit, debt, loan, interest, rate, bank, investment, fund,
    currency, dollar, penny, coin, credit, deal, acquisition, takeover, firm, business, sector,
    factory, plant, supplier, customer, consumer, retailer, store, brand, product, output,
    import, trade, sale, purchase, supply, demand, growth, recovery, economy, board, executive,
    employee, worker, strike, bonus, subsidy, grant, fine, penalty, expense, bill, invoice,
    payment, account, balance, forecast, estimate, quarter, valuation, premium, policy, claim,
    portfolio, commodity, gas, fuel, gold, silver, copper, steel, coal, timber, cotton, corn,
    rice, sugar, tea, beer, wine, sterling, venture, startup, partner, partnership, holding,
    auction, bid, discount, bargain, yield, index, benchmark, slump, crash, bubble, downturn,
    outlook, quota, cartel, competitor, rival, cargo, freight, port, harbor, government,
    congress, senate, vote, voter, poll, campaign, candidate, leader, minister, chancellor,
    governor, mayor, lawmaker, official, spokesman, diplomat, ambassador, treaty, agreement,
    summit, negotiation, dispute, war, ceasefire, sanction, embargo, law, legislation,
    amendment, constitution, rule, reform, motion, debate, inquiry, investigation, probe,
    review, verdict, judgment, appeal, court, judge, jury, lawyer, prosecutor, defendant,
    victim, suspect, crime, murder, theft, bribery, corruption, arrest, detention, jail,
    sentence, prisoner, officer, detective, sheriff, marshal, lawsuit, settlement,
    compensation, right, freedom, liberty, justice, regime, coalition, majority, minority,
    cabinet, department, agency, council, commission, delegation, mission, envoy, constituency,
    district, state, county, territory, border, frontier, city, town, suburb, neighborhood,
    citizen, resident, immigrant, migrant, asylum, passport, protest, riot, unrest, crackdown,
    emergency, crisis, attack, bomb, blast, missile, rocket, gun, rifle, army, navy, troop,
    general, captain, colonel, sergeant, commander, militia, rebel, hostage, casualty, raid,
    invasion, occupation, retreat, defeat, front, base, drone, security, intelligence,
    surveillance, secret, whistleblower, press, reporter, editor, newspaper, headline, article,
    story, interview, statement, comment, remark, speech, briefing, conference, letter,
    document, file, archive, evidence, fact, figure, statistic, survey, analysis, research,
    analyst, scientist, researcher, scholar, student, teacher, school, college, campus, class,
    course, degree, exam, grade, diploma, tuition, match, team, player, coach, umpire, goal,
    point, win, tie, title, trophy, medal, champion, championship, league, season, semifinal,
    round, race, finish, start, marathon, stadium, pitch, field, track, pool, bat, racket,
    glove, helmet, shirt, kit, fan, crowd, seat, striker, goalkeeper, midfielder, batter,
    bowler, wicket, foul, injury, transfer, debut, streak, upset, comeback, fixture, opener,
    knockout, podium, sponsorship, science, experiment, hypothesis, discovery, patent,
    technology, software, hardware, device, screen, battery, chip, camera, robot, engine,
    motor, network, website, server, algorithm, program, code, system, tool, sample, specimen,
    gene, protein, virus, bacterium, drug, medicine, therapy, surgery, clinic, patient, doctor,
    surgeon, disease, cancer, tumor, diagnosis, outbreak, pandemic, dose, pill, planet, star,
    moon, orbit, satellite, telescope, astronaut, galaxy, asteroid, atom, particle, energy,
    power, wind, heat, climate, weather, storm, flood, drought, earthquake, fire, rain, snow,
    frost, ice, tide, ocean, river, lake, brook, stream, mountain, hill, dale, glen, cliff,
    ridge, shore, beach, island, forest, wood, desert, marsh, swamp, meadow, rock, stone, sand,
    clay, dust, smoke, emission, carbon, oxygen, water, air, animal, tree, rose, lily, daisy,
    ivy, holly, heather, hazel, olive, willow, laurel, fern, moss, sage, basil, oak, pine,
    birch, elm, ash, bird, fish, fox, wolf, bear, lion, horse, cow, bull, lamb, pig, dog,
    mouse, rat, snake, shark, robin, wren, hawk, finch, sparrow, crane, swan, eagle, bee,
    house, home, room, bedroom, bathroom, roof, door, gate, garden, yard, fence, street, lane,
    avenue, bridge, tunnel, car, truck, train, plane, ship, bicycle, taxi, airport, flight,
    driver, pilot, crew, trip, holiday, hotel, restaurant, bar, pub, menu, breakfast, lunch,
    food, bread, cheese, meat, chicken, fruit, apple, lemon, potato, vegetable, salt, pepper,
    cake, chocolate, milk, juice, glass, plate, knife, spoon, table, desk, bed, lamp, clock,
    watch, carpet, blanket, towel, soap, bag, basket, jar, pan, bucket, lock, ring, jewel,
    diamond, ruby, amber, coral, jade, opal, crystal, iris, violet, jasmine, myrtle, dress,
    coat, jacket, shoe, boot, suit, belt, uniform, family, parent, father, child, son,
    daughter, sister, husband, wife, neighbor, guest, couple, wedding, funeral, gift, card,
    email, call, photo, painting, art, music, band, singer, show, film, theater, stage, actor,
    director, producer, writer, poet, novel, book, chapter, page, museum, gallery, festival,
    tradition, religion, church, chapel, temple, cathedral, priest, bishop, pope, cardinal,
    abbot, faith, joy, love, mercy, charity, patience, prudence, honor, harmony, melody,
    destiny, mind, thought, memory, dream, anger, pride, shame, doubt, belief, view, choice,
    plan, purpose, reason, effect, result, impact, consequence, issue, question, answer,
    challenge, chance, opportunity, danger, hazard, incident, event, occasion, minute, hour,
    week, month, decade, century, era, age, time, afternoon, evening, dusk, noon, midnight,
    winter, spring, autumn, date, deadline, calendar, agenda, item, detail, example, part,
    portion, segment, unit, level, phase, process, method, approach, tactic, technique, skill,
    ability, experience, education, training, job, position, post, status, reputation,
    identity, location, site, spot, area, space, distance, length, width, depth, weight,
    volume, quantity, total, average, percentage, half, dozen, gap, line, circle, shape,
    pattern, shade, brown, white, green, black, gray, scarlet, crimson, hunter, mason, baker,
    cook, smith, carter, fisher, miller, ward, hall, king, queen, prince, princess, duke, earl,
    baron, lord, knight, squire, dean, steward, butler, porter, walker, turner, cooper, tailor,
    weaver, potter, fletcher, archer, thatcher, tanner, brewer, carpenter, painter, shepherd,
    farmer, gardener, banker, broker, dealer, buyer, vendor, landlord, owner, founder,
    chairman, secretary, clerk, volunteer, activist, critic, supporter, opponent, enemy,
    stranger, tourist, pilgrim, sailor, fisherman, miner, architect, designer, plumber,
    electrician, technician, chemist, physicist, pharmacist, dentist, boss, head, aide,
    adviser, consultant, inspector, auditor, watchdog, guardian, ranger, gunner, rush, chase,
    pat, buck, nick, guy, rod, lance, dash, spark, flint, sky, heath, moor, well, ford, bush,
    reed, hay, barley, bell, hood, booth, cross, hart, hunt, major, victor, drake, cannon,
    chamberlain, gamble, burn, park,
    """
)
COMMON_PLURALS = _split(
    """
    prices, markets, inflation, contracts, bonds, cash, stocks, shares, dividends, losses,
    revenues, salaries, wages, victories, roles, peace, experts, testimonies, productions,
    formats, holes, unions, cases, floors, taxes, budgets, deficits, debts, loans, interests,
    rates, banks, investments, funds, currencies, dollars, pennies, coins, credits, deals,
    acquisitions, takeovers, firms, businesses, sectors, factories, plants, suppliers,
    customers, consumers, retailers, stores, brands, products, outputs, imports, trades, sales,
    purchases, supplies, demands, growths, recoveries, economies, boards, executives,
    employees, workers, strikes, bonuses, subsidies, grants, fines, penalties, expenses, bills,
    invoices, payments, accounts, balances, forecasts, estimates, quarters, valuations,
    premiums, policies, claims, portfolios, commodities, gases, fuels, gold, silver, copper,
    steels, coal, timber, cotton, corn, rice, sugars, teas, beers, wines, sterling, ventures,
    startups, partners, partnerships, holdings, auctions, bids, discounts, bargains, yields,
    indexes, benchmarks, slumps, crashes, bubbles, downturns, outlooks, quotas, cartels,
    competitors, rivals, cargo, freight, ports, harbors, governments, congresses, senates,
    votes, voters, polls, campaigns, candidates, leaders, ministers, chancellors, governors,
    mayors, lawmakers, officials, spokesmen, diplomats, ambassadors, treaties, agreements,
    summits, negotiations, disputes, wars, ceasefires, sanctions, embargos, laws, legislation,
    amendments, constitutions, rules, reforms, motions, debates, inquiries, investigations,
    probes, reviews, verdicts, judgments, appeals, courts, judges, juries, lawyers,
    prosecutors, defendants, victims, suspects, crimes, murders, thefts, bribery, corruption,
    arrests, detentions, jails, sentences, prisoners, officers, detectives, sheriffs, marshals,
    lawsuits, settlements, compensations, rights, freedoms, liberties, justices, regimes,
    coalitions, majorities, minorities, cabinets, departments, agencies, councils, commissions,
    delegations, missions, envoys, constituencies, districts, states, counties, territories,
    borders, frontiers, cities, towns, suburbs, neighborhoods, citizens, residents, immigrants,
    migrants, asylum, passports, protests, riots, unrests, crackdowns, emergencies, crises,
    attacks, bombs, blasts, missiles, rockets, guns, rifles, armies, navies, troops, generals,
    captains, colonels, sergeants, commanders, militias, rebels, hostages, casualties, raids,
    invasions, occupations, retreats, defeats, fronts, bases, drones, securities, intelligence,
    surveillance, secrets, whistleblowers, presses, reporters, editors, newspapers, headlines,
    articles, stories, interviews, statements, comments, remarks, speeches, briefings,
    conferences, letters, documents, files, archives, evidence, facts, figures, statistics,
    surveys, analyses, research, analysts, scientists, researchers, scholars, students,
    teachers, schools, colleges, campuses, classes, courses, degrees, exams, grades, diplomas,
    tuition, matches, teams, players, coaches, umpires, goals, points, wins, ties, titles,
    trophies, medals, champions, championships, leagues, seasons, semifinals, rounds, races,
    finishes, starts, marathons, stadiums, pitches, fields, tracks, pools, bats, rackets,
    gloves, helmets, shirts, kits, fans, crowds, seats, strikers, goalkeepers, midfielders,
    batters, bowlers, wickets, fouls, injuries, transfers, debuts, streaks, upsets, comebacks,
    fixtures, openers, knockouts, podiums, sponsorships, sciences, experiments, hypotheses,
    discoveries, patents, technologies, software, hardware, devices, screens, batteries, chips,
    cameras, robots, engines, motors, networks, websites, servers, algorithms, programs, codes,
    systems, tools, samples, specimens, genes, proteins, viruses, bacteria, drugs, medicines,
    therapies, surgeries, clinics, patients, doctors, surgeons, diseases, cancers, tumors,
    diagnoses, outbreaks, pandemics, doses, pills, planets, stars, moons, orbits, satellites,
    telescopes, astronauts, galaxies, asteroids, atoms, particles, energies, powers, winds,
    heats, climates, weather, storms, floods, droughts, earthquakes, fires, rains, snows,
    frosts, ices, tides, oceans, rivers, lakes, brooks, streams, mountains, hills, dales,
    glens, cliffs, ridges, shores, beaches, islands, forests, woods, deserts, marshes, swamps,
    meadows, rocks, stones, sands, clay, dust, smoke, emissions, carbon, oxygen, water, air,
    animals, trees, roses, lilies, daisies, ivy, hollies, heathers, hazels, olives, willows,
    laurels, ferns, moss, sage, basil, oaks, pines, birches, elms, ashes, birds, fish, foxes,
    wolves, bears, lions, horses, cows, bulls, lambs, pigs, dogs, mice, rats, snakes, sharks,
    robins, wrens, hawks, finches, sparrows, cranes, swans, eagles, bees, houses, homes, rooms,
    bedrooms, bathrooms, roofs, doors, gates, gardens, yards, fences, streets, lanes, avenues,
    bridges, tunnels, cars, trucks, trains, planes, ships, bicycles, taxis, airports, flights,
    drivers, pilots, crews, trips, holidays, hotels, restaurants, bars, pubs, menus,
    breakfasts, lunches, foods, breads, cheeses, meats, chickens, fruits, apples, lemons,
    potatoes, vegetables, salt, pepper, cakes, chocolates, milk, juices, glasses, plates,
    knives, spoons, tables, desks, beds, lamps, clocks, watches, carpets, blankets, towels,
    soaps, bags, baskets, jars, pans, buckets, locks, rings, jewels, diamonds, rubies, ambers,
    corals, jades, opals, crystals, irises, violets, jasmine, myrtle, dresses, coats, jackets,
    shoes, boots, suits, belts, uniforms, families, parents, fathers, children, sons,
    daughters, sisters, husbands, wives, neighbors, guests, couples, weddings, funerals, gifts,
    cards, emails, calls, photos, paintings, arts, music, bands, singers, shows, films,
    theaters, stages, actors, directors, producers, writers, poets, novels, books, chapters,
    pages, museums, galleries, festivals, traditions, religions, churches, chapels, temples,
    cathedrals, priests, bishops, popes, cardinals, abbots, faiths, joys, loves, mercies,
    charities, patience, prudence, honors, harmonies, melodies, destinies, minds, thoughts,
    memories, dreams, anger, prides, shame, doubts, beliefs, views, choices, plans, purposes,
    reasons, effects, results, impacts, consequences, issues, questions, answers, challenges,
    chances, opportunities, dangers, hazards, incidents, events, occasions, minutes, hours,
    weeks, months, decades, centuries, eras, ages, times, afternoons, evenings, dusks, noons,
    midnights, winters, springs, autumns, dates, deadlines, calendars, agendas, items, details,
    examples, parts, portions, segments, units, levels, phases, processes, methods, approaches,
    tactics, techniques, skills, abilities, experiences, educations, trainings, jobs,
    positions, posts, statuses, reputations, identities, locations, sites, spots, areas,
    spaces, distances, lengths, widths, depths, weights, volumes, quantities, totals, averages,
    percentages, halves, dozens, gaps, lines, circles, shapes, patterns, shades, browns,
    whites, greens, blacks, grays, scarlet, crimson, hunters, masons, bakers, cooks, smiths,
    carters, fishers, millers, wards, halls, kings, queens, princes, princesses, dukes, earls,
    barons, lords, knights, squires, deans, stewards, butlers, porters, walkers, turners,
    coopers, tailors, weavers, potters, fletchers, archers, thatchers, tanners, brewers,
    carpenters, painters, shepherds, farmers, gardeners, bankers, brokers, dealers, buyers,
    vendors, landlords, owners, founders, chairmen, secretaries, clerks, volunteers, activists,
    critics, supporters, opponents, enemies, strangers, tourists, pilgrims, sailors, fishermen,
    miners, architects, designers, plumbers, electricians, technicians, chemists, physicists,
    pharmacists, dentists, bosses, heads, aides, advisers, consultants, inspectors, auditors,
    watchdogs, guardians, rangers, gunners, rushes, chases, pats, bucks, nicks, guys, rods,
    lances, dashes, sparks, flints, skies, heaths, moors, wells, fords, bushes, reeds, hay,
    barley, bells, hoods, booths, crosses, harts, hunts, majors, victors, drakes, cannons,
    chamberlains, gambles, burns, parks,
    """
)
COMMON_ADJECTIVES = _split(
    """
    new, old, strong, weak, local, federal, national, international, global, regional,
    unexpected, annual, brief, long, short, high, low, large, small, big, huge, tiny, major,
    minor, key, main, primary, secondary, final, initial, early, late, recent, current, former,
    future, past, previous, next, last, first, second, third, full, partial, complete, total,
    entire, whole, public, private, personal, official, unofficial, formal, informal, legal,
    illegal, political, economic, financial, social, cultural, military, civil, criminal,
    medical, scientific, technical, digital, environmental, commercial, industrial,
    agricultural, rural, urban, domestic, foreign, royal, democratic, conservative, liberal,
    radical, moderate, independent, joint, mutual, common, rare, unusual, usual, normal,
    typical, special, specific, general, particular, certain, clear, obvious, apparent, likely,
    unlikely, possible, impossible, probable, potential, actual, real, true, false, right,
    wrong, correct, accurate, exact, precise, rough, approximate, fair, unfair, equal, free,
    open, closed, busy, quiet, loud, calm, angry, happy, sad, proud, anxious, nervous,
    confident, optimistic, pessimistic, cautious, careful, careless, serious, severe, mild,
    gentle, harsh, tough, hard, soft, easy, difficult, simple, complex, complicated, basic,
    advanced, modern, ancient, traditional, classic, historic, historical, contemporary, fresh,
    stale, clean, dirty, safe, dangerous, risky, secure, stable, unstable, steady, sudden,
    rapid, quick, slow, fast, gradual, sharp, steep, modest, significant, substantial,
    considerable, dramatic, remarkable, notable, important, critical, crucial, essential,
    necessary, vital, urgent, immediate, direct, indirect, positive, negative, neutral, good,
    bad, better, worse, best, worst, excellent, poor, rich, wealthy, cheap, expensive, costly,
    affordable, valuable, profitable, successful, effective, efficient, productive, powerful,
    influential, popular, famous, controversial, disputed, unpopular, sensitive, strict, tight,
    loose, flexible, rigid, broad, narrow, wide, deep, shallow, heavy, light, thick, thin,
    warm, cold, hot, cool, wet, dry, dark, bright, brown, white, green, black, gray, red, blue,
    yellow, golden, silver, young, elderly, senior, junior, adult, human, natural, artificial,
    physical, mental, emotional, spiritual, religious, moral, ethical, academic, educational,
    professional, amateur, active, passive, aggressive, defensive, peaceful, violent, hostile,
    friendly, fierce, bitter, sweet, sour, empty, crowded, vacant, available, limited,
    unlimited, extra, additional, further, separate, similar, different, distinct, various,
    numerous, several, multiple, single, double, average, ordinary, extraordinary, unique,
    familiar, strange, odd, curious, interesting, boring, exciting, impressive, disappointing,
    surprising, shocking, alarming, worrying, encouraging, promising, honest, decent, noble,
    humble, brave, bold, wise, smart, clever, foolish, lucky, fortunate, unfortunate, tragic,
    fatal, deadly, healthy, sick,
    """
)
VERBS_PAST = _split(
    """
    approved, rejected, delayed, increased, signed, reviewed, announced, cancelled, postponed,
    launched, released, published, unveiled, introduced, proposed, submitted, adopted, passed,
    amended, blocked, vetoed, ratified, endorsed, supported, opposed, criticized, challenged,
    questioned, examined, investigated, inspected, audited, analyzed, assessed, evaluated,
    measured, tested, monitored, tracked, recorded, reported, documented, revealed, disclosed,
    confirmed, denied, dismissed, accepted, received, collected, gathered, raised, lowered,
    reduced, cut, slashed, boosted, lifted, doubled, tripled, halved, expanded, extended,
    shortened, limited, restricted, banned, prohibited, allowed, permitted, authorized,
    licensed, registered, renewed, revised, updated, upgraded, improved, enhanced,
    strengthened, weakened, damaged, destroyed, demolished, repaired, restored, rebuilt, built,
    constructed, designed, developed, created, produced, manufactured, assembled, installed,
    deployed, operated, ran, managed, controlled, regulated, governed, oversaw, supervised,
    coordinated, organized, arranged, scheduled, planned, prepared, drafted, wrote, rewrote,
    edited, translated, printed, broadcast, aired, streamed, shared, posted, deleted, removed,
    replaced, transferred, moved, shipped, delivered, sent, exported, imported, sold, bought,
    purchased, acquired, leased, rented, owned, held, kept, retained, maintained, preserved,
    protected, defended, secured, guarded, seized, captured, confiscated, froze, unlocked,
    locked, opened, closed, shut, sealed, finished, completed, concluded, ended, terminated,
    suspended, halted, stopped, resumed, restarted, continued, began, started, initiated,
    established, founded, formed, funded, financed, sponsored, subsidized, spent, paid, repaid,
    owed, borrowed, lent, charged, taxed, priced, valued, rated, ranked, scored, won, lost,
    claimed, demanded, requested, sought, offered, provided, supplied, equipped, fed, served,
    hosted, staged, attended, joined, entered, left, quit, abandoned, dropped, scrapped,
    withdrew, retracted, revoked, overturned, reversed, upheld, appealed, settled, resolved,
    solved, fixed, addressed, tackled, handled, processed, filed, lodged, tabled, presented,
    displayed, exhibited, showed, demonstrated, proved, verified, identified, detected,
    discovered, found, located, spotted, noticed, observed, saw, watched, studied, explored,
    surveyed, mapped, charted, predicted, forecast, estimated, calculated, counted, compared,
    combined, merged, split, divided, separated, distributed, allocated, assigned, granted,
    awarded, earned, gained, generated, attracted, drew, targeted, hit, struck, attacked,
    bombed, shelled, raided, stormed, invaded, occupied, surrounded, evacuated, cleared,
    cleaned, washed, painted, decorated, planted, grew, harvested, picked, caught, threw,
    kicked, broke,
    """
)
VERBS_3SG = _split(
    """
    approves, rejects, delays, increases, signs, reviews, announces, cancels, postpones,
    launches, releases, publishes, unveils, introduces, proposes, submits, adopts, passes,
    amends, blocks, vetoes, ratifies, endorses, supports, opposes, criticizes, challenges,
    questions, examines, investigates, inspects, audits, analyzes, assesses, evaluates,
    measures, tests, monitors, tracks, records, reports, documents, reveals, discloses,
    confirms, denies, dismisses, accepts, receives, collects, gathers, raises, lowers, reduces,
    cuts, slashes, boosts, lifts, doubles, triples, halves, expands, extends, shortens, limits,
    restricts, bans, prohibits, allows, permits, authorizes, licenses, registers, renews,
    revises, updates, upgrades, improves, enhances, strengthens, weakens, damages, destroys,
    demolishes, repairs, restores, rebuilds, builds, constructs, designs, develops, creates,
    produces, manufactures, assembles, installs, deploys, operates, runs, manages, controls,
    regulates, governs, oversees, supervises, coordinates, organizes, arranges, schedules,
    plans, prepares, drafts, writes, rewrites, edits, translates, prints, broadcasts, airs,
    streams, shares, posts, deletes, removes, replaces, transfers, moves, ships, delivers,
    sends, exports, imports, sells, buys, purchases, acquires, leases, rents, owns, holds,
    keeps, retains, maintains, preserves, protects, defends, secures, guards, seizes, captures,
    confiscates, freezes, unlocks, locks, opens, closes, shuts, seals, finishes, completes,
    concludes, ends, terminates, suspends, halts, stops, resumes, restarts, continues, begins,
    starts, initiates, establishes, founds, forms, funds, finances, sponsors, subsidizes,
    spends, pays, repays, owes, borrows, lends, charges, taxes, prices, values, rates, ranks,
    scores, wins, loses, claims, demands, requests, seeks, offers, provides, supplies, equips,
    feeds, serves, hosts, stages, attends, joins, enters, leaves, quits, abandons, drops,
    scraps, withdraws, retracts, revokes, overturns, reverses, upholds, appeals, settles,
    resolves, solves, fixes, addresses, tackles, handles, processes, files, lodges, tables,
    presents, displays, exhibits, shows, demonstrates, proves, verifies, identifies, detects,
    discovers, finds, locates, spots, notices, observes, sees, watches, studies, explores,
    surveys, maps, charts, predicts, forecasts, estimates, calculates, counts, compares,
    combines, merges, splits, divides, separates, distributes, allocates, assigns, grants,
    awards, earns, gains, generates, attracts, draws, targets, hits, strikes, attacks, bombs,
    shells, raids, storms, invades, occupies, surrounds, evacuates, clears, cleans, washes,
    paints, decorates, plants, grows, harvests, picks, catches, throws, kicks, breaks,
    """
)
FUNCTION_PHRASES = _split(
    """
    which, which means that, although, because of, as well as, in addition to, despite,
    according to the, on behalf of the, in the wake of the, at the end of the,
    for the first time since, more than, less than, as part of the, in response to the, while,
    whereas, because, since, after, before, until, unless, even though, even if, as long as,
    as soon as, so that, in order to, due to the, owing to the, thanks to the, regardless of,
    in spite of, instead of, rather than, along with, together with, as a result of,
    as a result, in light of the, in view of the, in terms of, with regard to the,
    with respect to the, in relation to the, in connection with the, in line with the,
    in accordance with the, ahead of the, prior to the, following the, during the,
    throughout the, amid the, amid concerns over, amid fears of, in the face of,
    at the start of the, at the beginning of the, by the end of the, in the middle of the,
    in the course of the, over the course of the, for the sake of, on top of,
    in the absence of, in the event of, in case of, in favor of, in support of, in charge of,
    in the hands of, at the expense of, at the request of, at the heart of the,
    on the eve of the, on the basis of, on the grounds that, in the hope that,
    in the belief that, on condition that, provided that, given that, assuming that, now that,
    so far, so far this year, for the second time, for the time being, at the same time,
    at least, at the moment, at the time, in the meantime, meanwhile, however, moreover,
    furthermore, nevertheless, therefore, otherwise, instead, indeed, in fact, in particular,
    in general, in short, in other words, for example, for instance, such as, including the,
    not only, but also, whether or not, whether, as if, as though, just as, as much as,
    as many as, up to, no more than, nearly, almost, roughly, about, close to the,
    compared with the, compared to the, unlike the, which is why, which has been, that is,
    where, when, once, so as to, in the run-up to the, in the aftermath of the,
    on the back of the, at a time when, by means of, in exchange for, in return for,
    with the aim of, with the exception of, except for,
    """
)
SHARE_COMMON = 0.08  # composed sentences of common words (tenth edition)


def common_phrase(rng: random.Random) -> str:
    """A noun phrase of common words: `the new contract`, `prices`, `the role of the union`."""
    noun = rng.choice(COMMON_NOUNS if rng.random() < 0.65 else COMMON_PLURALS)
    if rng.random() < 0.45:
        noun = rng.choice(COMMON_ADJECTIVES) + " " + noun
    phrase = rng.choice(["the ", "the ", "a ", "", "their ", "its ", "this "]) + noun
    if phrase.startswith("a ") and phrase[2] in "aeiou":
        phrase = "an " + phrase[2:]
    if rng.random() < 0.2:
        phrase += " of the " + rng.choice(COMMON_NOUNS)
    return phrase


def compose_common_frame(rng: random.Random) -> str:
    """A sentence of common words with a person slot (`{A1}`, `{O2}`) or none."""
    np1, np2 = common_phrase(rng), common_phrase(rng)
    cap1 = np1[:1].upper() + np1[1:]
    past, now = rng.choice(VERBS_PAST), rng.choice(VERBS_3SG)
    link = rng.choice(FUNCTION_PHRASES)
    r = rng.random()
    if r < 0.25:
        text = f"{{A1}} {past} {np1} {link} {np2}."
    elif r < 0.4:
        text = f"{cap1} {past} {np2}, {link} {{O2}}."
    elif r < 0.55:
        text = f"{{A1}} said {np1} {now} {np2}."
    elif r < 0.7:
        text = f"{link[:1].upper()}{link[1:]} {np1}, {{A1}} {now} {np2}."
    elif r < 0.85:
        text = f"{cap1} {past} {np2} {link} {np1.split()[-1]}."
    else:
        text = f"{{A1}}'s {rng.choice(COMMON_NOUNS)} {past} {np2}."
    return text


def template_is_chat(text: str) -> bool:
    return text == text.lower()


def non_person(kind: str, rng: random.Random, sentence_start: bool) -> str:
    """What an A/O/a slot holds when it is not a person."""
    if kind == "a":
        return rng.choice(LOWER_OBJECTS)
    r = rng.random()
    if kind == "A":
        if r < 0.35:
            out = rng.choice(COMMON_AGENTS)
        elif r < 0.55:
            out = rng.choice(PRONOUN_AGENTS)
        else:
            out = rng.choice(ORGS)
    else:
        if r < 0.6:
            out = rng.choice(COMMON_OBJECTS)
        elif r < 0.85:
            out = rng.choice(ORGS)
        else:
            out = rng.choice(TEAMS)
    if not sentence_start and out.split()[0] in {"The", "My", "Our", "Her", "His", "A", "Local"}:
        out = out[0].lower() + out[1:]
    if not sentence_start and out in PRONOUN_AGENTS and out != "I":
        out = out.lower()
    return out


def vary_possessives(segments: list[Segment], rng: random.Random) -> list[Segment]:
    """Write some possessives of names ending in s as a bare apostrophe (Davis')."""
    out = list(segments)
    for i in range(len(out) - 1):
        text, kind = out[i]
        nxt, nkind = out[i + 1]
        if kind == "name" and text.endswith("s") and nxt.startswith("'s") and rng.random() < 0.5:
            out[i + 1] = ("'" + nxt[2:], nkind)
    return out


class Generator:
    def __init__(self, seed: int, holdout: float):
        import spacy

        self.nlp = spacy.blank("en")
        self.seed = seed
        self.train_pools, self.dev_pools = split_pools(seed, holdout)
        self.name_templates = [parse_template(t) for t in NAME_TEMPLATES]
        self.no_name_templates = [parse_template(t) for t in NO_NAME_TEMPLATES]
        self.name_word_templates = [parse_template(t) for t in NAME_WORD_NEGATIVES]
        self.lower_negative_templates = [parse_template(t) for t in LOWER_NEGATIVES]
        self.seen_texts: set[str] = set()
        self.alignment_failures = 0
        self.held_out = checkset_full_names()
        self.held_out_skips = 0

    def pick_template(self, rng: random.Random) -> list[tuple[str, str, int]]:
        """A fixed template (most sentences) or a compositional frame."""
        r = rng.random()
        if r < SHARE_NO_NAME:
            return rng.choice(self.no_name_templates)
        if r < SHARE_NO_NAME + SHARE_NAME_WORDS:
            if rng.random() < NAME_WORD_COMPOSED:
                return parse_template(compose_name_word_negative(rng))
            return rng.choice(self.name_word_templates)
        if r < SHARE_NO_NAME + SHARE_NAME_WORDS + SHARE_FRAMES:
            return parse_template(compose_frame(rng))
        if r < SHARE_NO_NAME + SHARE_NAME_WORDS + SHARE_FRAMES + SHARE_LOWER_NEG:
            return rng.choice(self.lower_negative_templates)
        if r < SHARE_NO_NAME + SHARE_NAME_WORDS + SHARE_FRAMES + SHARE_LOWER_NEG + SHARE_COMMON:
            return parse_template(compose_common_frame(rng))
        return rng.choice(self.name_templates)

    def eponym(self, kind: str, rng: random.Random, people: PersonFactory) -> str:
        """A company, place or thing named after a person (tagged O)."""
        patterns = {
            "EPORG": EPONYM_ORG_PATTERNS,
            "EPPLACE": EPONYM_PLACE_PATTERNS,
            "EPTHING": EPONYM_THING_PATTERNS,
            "EPFIRM": EPONYM_FIRM_PATTERNS,
            "EPCO": EPONYM_COMPANY_PATTERNS,
        }[kind]
        pattern = rng.choice(patterns)

        def plain_surname() -> str:
            while True:
                name = people.make().surnames[0]
                if name[:1].isupper() and name.isalpha():
                    return name

        p = people.make()
        surnames = iter([plain_surname() for _ in range(pattern.count("{S}"))])
        out = re.sub(r"\{S\}", lambda _: next(surnames), pattern)
        return out.replace("{F}", p.first)

    def hashtag(self, rng: random.Random, people: PersonFactory) -> str:
        """A hashtag, often built from a name or a place (tagged O)."""
        r = rng.random()
        if r < 0.5:
            word = ascii_fold(people.make().first).replace(".", "")
        elif r < 0.8:
            word = "".join(ascii_fold(rng.choice(CITIES)).split(".")).replace(" ", "")
        else:
            word = rng.choice(["Final", "Vote", "Cup", "Love", "Summer", "Champions"])
        return "#" + rng.choice(HASHTAG_STEMS) + (word or "Now")

    def sentence(self, rng: random.Random, people: PersonFactory) -> tuple[str, list[Segment]]:
        template = self.pick_template(rng)
        if (
            template[0][1] != "CHATSTART"
            and any(kind in ("f", "n", "a") for _, kind, _ in template)
            and all(lit == lit.lower() for lit, _, _ in template)
            and rng.random() < CHAT_START_RATE
        ):
            template = [("", "CHATSTART", 0), *template]
        persons: dict[int, Person] = {}
        segments: list[Segment] = []
        for literal, kind, idx in template:
            if not kind:
                segments.append((literal, "lit"))
            elif kind in ("A", "O", "a") and rng.random() >= PERSON_SHARE[kind]:
                at_start = not segments or segments[-1][0].endswith((", ", ": "))
                segments.append((non_person(kind, rng, at_start and not segments), "val"))
            elif kind in PERSON_SLOTS:
                person_kind = {"A": "P", "O": rng.choice("NFPNF"), "a": "f"}.get(kind, kind)
                segments.extend(render_person(person_kind, self.person(idx, persons, people), rng))
                if (kind == "O" or (kind == "a" and idx != 1)) and rng.random() < COORDINATION_RATE:
                    # a second person in an object slot: "X and Y" (idx + 100: its own person)
                    other = self.person(idx + 100, persons, people)
                    segments.append((rng.choice(COORDINATORS), "lit"))
                    segments.extend(render_person(person_kind, other, rng))
            elif kind in NAME_VALUE_SLOTS:
                segments.append((self.eponym(kind, rng, people), "val"))
            elif kind == "HASHTAG":
                segments.append((self.hashtag(rng, people), "val"))
            else:
                segments.append((render_value(kind, rng), "val"))
        segments = vary_possessives(segments, rng)
        if rng.random() < 0.03:
            segments = add_typo(segments, rng)
        r = rng.random()
        if r < 0.05:
            segments = [(t.lower(), k) for t, k in segments]
        elif r < 0.11:
            segments = [(t.upper(), k) for t, k in segments]
        elif r < 0.18:
            segments = title_case_segments(segments)
        text = "".join(t for t, _ in segments)
        if text[:1].islower() and segments[0][1] != "name" and not template_is_chat(text):
            segments[0] = (segments[0][0][:1].upper() + segments[0][0][1:], segments[0][1])
            text = "".join(t for t, _ in segments)
        return text, segments

    @staticmethod
    def person(idx: int, persons: dict[int, Person], people: PersonFactory) -> Person:
        """The person of slot ``idx``, made on first use, unlike the sentence's others."""
        if idx not in persons:
            p = people.make()
            while any(p.first == q.first or p.surname == q.surname for q in persons.values()):
                p = people.make()
            persons[idx] = p
        return persons[idx]

    def tag(self, text: str, segments: list[Segment]) -> list[tuple[str, str]] | None:
        doc = self.nlp(text)
        tags = ["O"] * len(doc)
        pos = 0
        for seg_text, kind in segments:
            start, end = pos, pos + len(seg_text)
            pos = end
            if kind != "name":
                continue
            span = doc.char_span(start, end, alignment_mode="strict")
            if span is None:
                return None
            tags[span.start] = f"B-{NAME_TAG}"
            for i in range(span.start + 1, span.end):
                tags[i] = f"I-{NAME_TAG}"
        rows = [(tok.text, tag) for tok, tag in zip(doc, tags, strict=True)]
        if any(not t or any(c.isspace() for c in t) for t, _ in rows):
            return None
        return rows

    def split(self, name: str, n: int, dev: bool) -> list[list[tuple[str, str]]]:
        rng = random.Random(f"{self.seed}:{name}")
        people = PersonFactory(rng, self.train_pools, self.dev_pools if dev else None)
        out: list[list[tuple[str, str]]] = []
        while len(out) < n:
            text, segments = self.sentence(rng, people)
            if text in self.seen_texts:
                continue
            if any(kind == "name" and t.lower() in self.held_out for t, kind in segments):
                self.held_out_skips += 1
                continue
            rows = self.tag(text, segments)
            if rows is None:
                self.alignment_failures += 1
                continue
            self.seen_texts.add(text)
            out.append(rows)
        return out


def checkset_full_names(folder: Path = CHECKSET_DIR) -> set[str]:
    """The names of two words or more in the hand-written check sets, lower-cased: the
    generator skips a sentence that would hold one (a made-up combination of listed names
    can hit one by chance), so that no check-set name is learned as a whole."""
    names: set[str] = set()
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                for span in rec["spans"]:
                    name = rec["text"][span["start"] : span["end"]]
                    if " " in name:
                        names.add(name.lower())
    return names


# ---------------------------------------------------------------------------
# I/O, validation and statistics
# ---------------------------------------------------------------------------


def write_conll(path: Path, sentences: list[list[tuple[str, str]]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for i, rows in enumerate(sentences):
            if i:
                fh.write("\n")
            for tok, tag in rows:
                fh.write(f"{tok}\t{tag}\n")


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Read and validate a 2-column IOB2 file; raise ValueError on problems."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    valid = {"O", f"B-{NAME_TAG}", f"I-{NAME_TAG}"}
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for lineno, line in enumerate(lines, 1):
        if line == "":
            if not current:
                raise ValueError(f"{path}:{lineno}: empty sentence")
            sentences.append(current)
            current = []
            continue
        cols = line.split("\t")
        if len(cols) != 2:
            raise ValueError(f"{path}:{lineno}: expected 2 columns")
        tok, tag = cols
        if not tok or any(c.isspace() for c in tok):
            raise ValueError(f"{path}:{lineno}: bad token {tok!r}")
        if tag not in valid:
            raise ValueError(f"{path}:{lineno}: bad tag {tag!r}")
        if tag.startswith("I-") and (not current or current[-1][1] == "O"):
            raise ValueError(f"{path}:{lineno}: I- tag without B-")
        current.append((tok, tag))
    if current:
        sentences.append(current)
    return sentences


def entities(rows: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    out: list[list[str]] = []
    for tok, tag in rows:
        if tag.startswith("B-"):
            out.append([tok])
        elif tag.startswith("I-"):
            out[-1].append(tok)
    return [tuple(x) for x in out]


def stats(train: list, dev: list) -> dict[str, dict[str, float]]:
    def basic(data: list) -> dict[str, float]:
        ents = [e for rows in data for e in entities(rows)]
        return {
            "sentences": len(data),
            "tokens": sum(len(r) for r in data),
            "names": len(ents),
            "name_tokens": sum(len(e) for e in ents),
            "sentences_without_names": sum(1 for r in data if not entities(r)),
            "multi_token_names": sum(1 for e in ents if len(e) > 1),
        }

    out = {"train": basic(train), "dev": basic(dev)}
    train_ents = {tuple(t.casefold() for t in e) for r in train for e in entities(r)}
    train_toks = {t for e in train_ents for t in e}
    dev_ents = [tuple(t.casefold() for t in e) for r in dev for e in entities(r)]
    n = len(dev_ents) or 1
    out["dev_unseen"] = {
        "names_not_in_train": sum(1 for e in dev_ents if e not in train_ents),
        "names_with_unseen_token": sum(1 for e in dev_ents if any(t not in train_toks for t in e)),
        "names_all_tokens_unseen": sum(1 for e in dev_ents if all(t not in train_toks for t in e)),
    }
    for key in list(out["dev_unseen"]):
        out["dev_unseen"][key + "_share"] = round(out["dev_unseen"][key] / n, 3)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--n-train", type=int, default=DEFAULT_N_TRAIN)
    parser.add_argument("--n-dev", type=int, default=DEFAULT_N_DEV)
    parser.add_argument("--holdout", type=float, default=DEFAULT_HOLDOUT)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)

    gen = Generator(args.seed, args.holdout)
    train = gen.split("train", args.n_train, dev=False)
    dev = gen.split("dev", args.n_dev, dev=True)

    args.out.mkdir(parents=True, exist_ok=True)
    write_conll(args.out / "train.conll", train)
    write_conll(args.out / "dev.conll", dev)

    # Re-read what was written: this validates the format end to end.
    train = read_conll(args.out / "train.conll")
    dev = read_conll(args.out / "dev.conll")
    if not args.quiet:
        n_first = sum(len(v) for v in FIRST_NAMES.values())
        n_sur = sum(len(v) for v in SURNAMES.values())
        n_first_dev = sum(len(v) for v in gen.dev_pools.first.values())
        n_sur_dev = sum(len(v) for v in gen.dev_pools.sur.values())
        print(f"seed {args.seed}; wrote {args.out}", file=sys.stderr)
        print(
            f"first names {n_first} ({n_first_dev} dev-only), "
            f"surnames {n_sur} ({n_sur_dev} dev-only), "
            f"templates {len(NAME_TEMPLATES)} + {len(NO_NAME_TEMPLATES)} without names, "
            f"alignment retries {gen.alignment_failures}, "
            f"check-set names skipped {gen.held_out_skips}",
            file=sys.stderr,
        )
        for split_name, values in stats(train, dev).items():
            line = ", ".join(f"{k}={v}" for k, v in values.items())
            print(f"{split_name}: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
