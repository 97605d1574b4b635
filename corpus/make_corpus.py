#!/usr/bin/env python3
"""Generate the small English person-name corpus shipped with spacy_elman.

Every name list, template and near-miss list below was written for this
project; nothing is taken from CoNLL-2003 or any other licensed corpus.
The output is released under CC0 (see corpus/README.md).

Usage::

    python corpus/make_corpus.py                # writes next to this script
    python corpus/make_corpus.py --out DIR --seed 13

Writes ``train.conll``, ``dev.conll`` (``token<TAB>tag``, IOB2 with
``B-NAME``/``I-NAME``/``O``, blank line between sentences) and
``sample.txt`` (plain text, one document per line).

Sentences are built as text, tokenised with ``spacy.blank("en")`` and tagged
from the character offsets of the inserted names, so the tokens are exactly
what spaCy's English tokenizer produces.  The generator is deterministic: the
same seed and spaCy version give byte-identical files.

About a quarter of the first names and surnames of every origin are held out
of ``train.conll``; ``dev.conll`` draws most of its people from them, so dev
scores measure how well a model generalises to names it has never seen.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 20240611
DEFAULT_N_TRAIN = 3000
DEFAULT_N_DEV = 600
DEFAULT_HOLDOUT = 0.25
NAME_TAG = "NAME"


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
        Ashworth, Pemberton, Fairweather, Smith-Jones, Lloyd-Webber,
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
        Banerjee, Chatterjee, Mukherjee, Das, Rao, Joshi, Desai, Mehta,
        Kapoor, Malhotra, Chopra, Pillai, Krishnan, Subramaniam,
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
        """Adeyemi, Ogunleye, Balogun, Adewale, Oyelaran, Afolabi, Olawale,
        Adeleke, Ogundipe, Akinola, Oladipo, Fashola, Bankole, Olaniyan"""
    ),
    "igbo": _split(
        """Okonkwo, Okafor, Eze, Nwosu, Obi, Okeke, Chukwu, Nwachukwu, Onyeka,
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
        """Dlamini, Nkosi, Ndlovu, Khumalo, Mahlangu, Mokoena, Sithole,
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
    "spanish": _split("Don, Doña"),
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
#                ROLE
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

SAMPLE_TEXT = [
    "Dr. Amara Okonkwo-Reyes presented the findings in Lisbon on Tuesday, and "
    "her colleague Tomás Ekdahl answered questions afterwards.",
    "I spoke with Hiroko Yamashita and Bilal Qasemi about the May schedule; "
    "both would rather meet in Florence.",
    "The prize went to Siobhán Gallagher, ahead of Kwabena Asare and Ingrid Solberg.",
    "According to Reuters, Wells Fargo hired Priyanka Venkatesan as chief economist last August.",
    "hey is marco coming to dinner with anja and tunde tonight?",
    "President Elena Vasquez-Moreno met Prime Minister Jae-sung Park in Washington on Friday.",
    "Nguyen Thi Lan and Mehmet Ali Yavuz co-wrote the report, which was reviewed by J. K. Adeyemi.",
    "Jordan Whitaker flew from Jordan to Georgia to visit his sister Paris.",
]

SLOT_RE = re.compile(r"\{([A-Za-z]+)(\d?)\}")
PERSON_SLOTS = {"P", "N", "F", "S", "TS", "f", "n", "EMAIL", "HANDLE"}
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

    def _pick(self, pools: list[dict[str, list[str]]], origin: str) -> str:
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
        surnames = [self._pick(sur_pools, sur_origin)]
        if rng.random() < DOUBLE_SURNAME.get(sur_origin, 0.0):
            second = self._pick(sur_pools, sur_origin)
            if second != surnames[0]:
                surnames.append(second)
        family_first = sur_origin == origin and rng.random() < FAMILY_FIRST.get(origin, 0.0)
        middle = ""
        if family_first and origin == "vietnamese":
            if rng.random() < 0.6:
                middle = rng.choice(VIETNAMESE_MIDDLE)
        elif not family_first and rng.random() < 0.3:
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
    r = rng.random()
    if r < 0.12 and p.middle:
        return f"{p.first} {p.middle} {p.surname}"
    if r < 0.20:
        mid = p.middle or rng.choice("ABCDEFGHJKLMNPRSTW")
        return f"{p.first} {initial(mid)} {p.surname}"
    if r < 0.26:
        inits = initial(p.first)
        if p.middle or rng.random() < 0.4:
            inits += " " + initial(p.middle or rng.choice("ABCDEJLMRT"))
        return f"{inits} {p.surname}"
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
        return [(full_name(p, rng).lower(), "name")]
    if kind == "TS":
        return [(title_for_surname(p, rng) + " ", "val"), (p.surname, "name")]
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
    }
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


class Generator:
    def __init__(self, seed: int, holdout: float):
        import spacy

        self.nlp = spacy.blank("en")
        self.seed = seed
        self.train_pools, self.dev_pools = split_pools(seed, holdout)
        self.name_templates = [parse_template(t) for t in NAME_TEMPLATES]
        self.no_name_templates = [parse_template(t) for t in NO_NAME_TEMPLATES]
        self.seen_texts: set[str] = set()
        self.alignment_failures = 0

    def sentence(self, rng: random.Random, people: PersonFactory) -> tuple[str, list[Segment]]:
        if rng.random() < 0.12:
            template = rng.choice(self.no_name_templates)
        else:
            template = rng.choice(self.name_templates)
        persons: dict[int, Person] = {}
        segments: list[Segment] = []
        for literal, kind, idx in template:
            if not kind:
                segments.append((literal, "lit"))
            elif kind in PERSON_SLOTS:
                if idx not in persons:
                    p = people.make()
                    while any(
                        p.first == q.first or p.surname == q.surname for q in persons.values()
                    ):
                        p = people.make()
                    persons[idx] = p
                segments.extend(render_person(kind, persons[idx], rng))
            else:
                segments.append((render_value(kind, rng), "val"))
        if rng.random() < 0.03:
            segments = add_typo(segments, rng)
        r = rng.random()
        if r < 0.10:
            segments = [(t.lower(), k) for t, k in segments]
        elif r < 0.15:
            segments = [(t.upper(), k) for t, k in segments]
        return "".join(t for t, _ in segments), segments

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
            rows = self.tag(text, segments)
            if rows is None:
                self.alignment_failures += 1
                continue
            self.seen_texts.add(text)
            out.append(rows)
        return out


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
    (args.out / "sample.txt").write_text("\n".join(SAMPLE_TEXT) + "\n", encoding="utf-8")

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
            f"alignment retries {gen.alignment_failures}",
            file=sys.stderr,
        )
        for split_name, values in stats(train, dev).items():
            line = ", ".join(f"{k}={v}" for k, v in values.items())
            print(f"{split_name}: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
