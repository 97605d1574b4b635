"""Nationalities around a name: ``Mexican Ariel Cruz`` holds the name ``Ariel Cruz``, and
``Tongan`` alone is no name.

News copy introduces a foreign athlete or official by nationality (``Mexican Ariel Cruz``,
``Belgian Luc Peeters``): in CoNLL-2003 train and dev a nationality stands right before a
person entity 51 times and starts one (of two words) once, and is a one-word person entity
once. A tagger that has found the name often takes the capitalised nationality in, or reads a
nationality alone as a name (``of Tongan descent``). :func:`trim_nationalities` moves the
start of a person entity past a nationality before a capitalised word and drops a person
entity that is a nationality alone. Lower-case forms are left to ``lowercase``. The list is
English and was written for this project.
"""

from functools import lru_cache
from typing import FrozenSet, List, Sequence, Tuple

from spacy.tokens import Doc

# Nationalities and regional demonyms, lower-cased. Left out: ``Sierra`` (of ``Sierra
# Leonean``) and demonyms that are common given names. The second block (the twenty-fourth
# session): peoples, their languages and regional demonyms (``Pashtun``, ``Okinawan``,
# ``Mapuche``, ``Galician``), kept only if no ``gazetteer_v2`` list holds the word as a name
# and no CoNLL-2003 train or dev person entity holds it, and if it is not a surname we know
# (``Sherpa``, ``Tamang``, ``Moro``, ``Bihari``, ``Naga``, ``Lao``, ``Saxon``). The third:
# languages that name no people of their own (``Ladino``, ``Aramaic``, ``Urdu``), with the
# same filter. The fourth (the twenty-fifth session): nouns for a nation's people that are no
# given names (``Swede``, ``Spaniard``, ``Welshwoman``, ``Ulsterman``, ``Glaswegian``), and the
# names of Bantu languages with their prefix (``Setswana``, ``isiZulu``), and empires' and eras'
# adjectives (``Mughal``, ``Ottoman``, ``Victorian``), with the same filter.
DEMONYMS: FrozenSet[str] = frozenset(
    """
    afghan albanian algerian american andorran angolan argentine argentinian armenian
    australian austrian azerbaijani azeri bahamian bahraini bangladeshi barbadian belarusian
    belgian belizean beninese bhutanese bolivian bosnian botswanan brazilian british bruneian
    bulgarian burkinabe burmese burundian cambodian cameroonian canadian chadian chilean
    chinese colombian congolese croatian cuban cypriot czech danish djiboutian dominican dutch
    ecuadorian egyptian emirati english eritrean estonian ethiopian fijian filipino finnish
    french gabonese gambian georgian german ghanaian greek grenadian guatemalan guinean
    guyanese haitian honduran hungarian icelandic indian indonesian iranian iraqi irish
    israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti
    kyrgyz laotian latvian lebanese liberian libyan lithuanian luxembourger macedonian
    malagasy malawian malaysian maldivian malian maltese mauritanian mauritian mexican
    moldovan mongolian montenegrin moroccan mozambican namibian nepalese nepali nicaraguan
    nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian
    polish portuguese qatari romanian russian rwandan salvadoran samoan saudi scottish
    senegalese serbian singaporean slovak slovakian slovenian somali spanish sudanese
    surinamese swazi swedish swiss syrian taiwanese tajik tanzanian thai togolese tongan
    trinidadian tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan
    vietnamese welsh yemeni yugoslav zambian zimbabwean european african asian arab
    scandinavian caribbean basque catalan flemish kurdish chechen tatar bavarian sicilian
    corsican breton cornish texan californian

    abkhaz aboriginal acehnese afar ainu akan alsatian amazigh amhara amharic andalusian anglo
    apache aragonese assamese assyrian asturian avar awadhi aymara aztec balinese baloch
    balochi balti bambara bashkir batak bedouin bengali berber bhojpuri bhutia bikolano
    bohemian bugis buryat calabrian cantonese carpathian castilian cebuano celtic chaldean
    cherokee chuvash circassian comanche coptic cossack cree creole crimean dagestani dayak
    dogri druze faroese fon frisian friulian fula fulani gaelic galician garifuna gascon
    greenlandic guarani guaraní gujarati gurkha hakka haryanvi hausa hawaiian hazara
    hiligaynon hispanic hmong hokkien hopi igbo igorot ilocano ingush inuit iroquois javanese
    kabyle kachin kalenjin kalmyk kannada kapampangan karakalpak kashmiri kashubian khasi
    khmer kikuyu kiribati kodava komi konkani kriol kurd kurds ladakhi ladin lakota latina
    latino lepcha levantine lezgin maasai madurese maghrebi malay malayalam manchu mandinka
    maori māori mapuche marathi marshallese marwari mayan melanesian micronesian minangkabau
    mizo mohawk nahua nahuatl navajo navarrese ndebele neapolitan newar niuean norse nubian
    nuristani occitan odia ojibwe okinawan oriya oromo ossetian palauan parsi pashto pashtun
    pedi persian polynesian provencal provençal prussian punjabi quechua rajasthani rohingya
    romansh rusyn ruthenian saami santali sardinian sasak silesian sindhi sinhala sinhalese
    sorbian sotho sundanese swabian swahili tagalog tahitian tamil telugu tibetan tigrayan
    tigrinya tokelauan transylvanian tsonga tswana tuareg tulu uighur uyghur valencian venda
    venetian visayan walloon waray wolof xhosa yakut yazidi yoruba zulu

    arabic aramaic dari esperanto farsi hebrew hindi krio ladino latin papiamento sanskrit
    urdu yiddish

    swede briton serb croat spaniard frenchman frenchwoman dutchman dutchwoman englishman
    englishwoman irishman irishwoman scotsman scotswoman welshman welshwoman kiwi aussie
    icelander slovene norseman setswana sesotho isizulu isixhosa kiswahili sepedi tshivenda
    xitsonga siswati chichewa luganda kinyarwanda kirundi gikuyu lingala twi ulsterman
    ulsterwoman cornishman cornishwoman yorkshireman yorkshirewoman glaswegian liverpudlian
    dubliner londoner scouser geordie mancunian brummie berliner muscovite mughal ottoman
    byzantine victorian edwardian elizabethan soviet
    """.split()
)
# Nouns for a nation's people that are also given names or surnames (``Finn``, ``Dane``,
# ``Scot``): a nationality only after an article (``the Finn Iida Marjamäki``).
DEMONYM_NOUNS: FrozenSet[str] = frozenset("finn dane pole scot brit turk magyar".split())
# The words before such a noun.
ARTICLES: FrozenSet[str] = frozenset("the a an fellow".split())


@lru_cache(maxsize=65536)
def is_nationality(text: str) -> bool:
    """Whether the token ``text`` is a nationality written with a capital (``Mexican``,
    ``MEXICAN``)."""
    return not text.islower() and text.lower() in DEMONYMS


def trim_nationalities(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move the start of each person span past its leading nationalities before a capitalised
    word (``Finn`` and the like only after an article); drop person spans that are one nationality or several joined by hyphens
    (``Greenlandic-Danish``).

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans are trimmed.
    """
    trimmed = []
    for start, end, label in spans:
        if label in person_labels:
            if _nationalities_only(doc, start - offset, end - offset):
                continue
            while (
                end - start > 1
                and _nationality_at(doc, start - offset)
                and doc[start - offset + 1].text[:1].isupper()
            ):
                start += 1
        trimmed.append((start, end, label))
    return trimmed


def _nationality_at(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` is a nationality, or one of ``DEMONYM_NOUNS`` after an article."""
    text = doc[i].text
    if is_nationality(text):
        return True
    return (
        text[:1].isupper()
        and text.lower() in DEMONYM_NOUNS
        and i > 0
        and doc[i - 1].text.lower() in ARTICLES
    )


def _nationalities_only(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is one nationality, or several joined by hyphens."""
    if end - start == 1:
        return is_nationality(doc[start].text)
    return (end - start) % 2 == 1 and all(
        is_nationality(doc[i].text) if (i - start) % 2 == 0 else doc[i].text == "-"
        for i in range(start, end)
    )
