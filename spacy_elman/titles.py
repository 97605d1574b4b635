"""Titles before a name and suffixes after it: ``Mayor Beaumont`` is the name ``Beaumont``,
``Martin Luther King Jr.`` and ``King Letsie III`` end with their suffixes.

CoNLL-2003's and OntoNotes' guidelines leave titles, offices and kinship words out of a
person's span, and so does this project's corpus. A tagger trained on news has seen
``President`` and ``Mr.`` before names but not ``Coach``, ``Grandma`` or ``Lord``, and takes
them in. :func:`trim_titles` moves the start of a person entity past such words, and its
end before the honorifics written after a name (``imran bhai``). The same
guidelines keep a generational or regnal suffix in the span, which a tagger often leaves out
(``Elizabeth I``); :func:`take_suffixes` moves the end over it. The lists are English and
were written for this project.
"""

from typing import FrozenSet, List, Sequence, Tuple

from spacy.tokens import Doc, Token

from .gazetteer import listed_name
from .hyphens import hyphen_after
from .words import capital_word, opens_sentence

# Labels that are person names unless a pipeline is told otherwise.
PERSON_LABELS = ("NAME", "PER", "PERSON")

# Occupations and jobs (the sixth and ninth blocks of ``TITLES`` below), which may also end a
# job's name (``Sous Chef``, ``Logistics Coordinator``).
OCCUPATIONS: FrozenSet[str] = frozenset(
    """
    activist actor actress advocate alderman anthropologist archaeologist architect archivist
    assemblyman assemblywoman astronaut astronomer athlete attorney banker barrister
    beekeeper biologist blacksmith blogger bookseller breeder bricklayer businessman
    businesswoman cabbie campaigner canoeist caregiver carer caretaker cellist ceo cfo
    chairperson chaplain chef chemist choreographer cleaner climber cofounder columnist
    comedian composer conductor congressman congresswoman councilman councilwoman curate
    curator cyclist dancer dentist designer diplomat distiller drummer economist editor
    electrician embroiderer engineer entrepreneur envoy explorer falconer fencer filmmaker
    firefighter fisherman fisherwoman fishmonger florist founder gardener geologist golfer
    greengrocer grocer grower guide guitarist gymnast hairdresser headmaster headmistress
    headteacher healer herbalist herdsman herdswoman historian housekeeper innkeeper
    interpreter janitor jeweler jeweller jockey journalist kayaker knitter laborer labourer
    landlady landlord lawmaker lecturer legislator librarian magistrate maid manager
    mathematician mechanic mediator mep midwife missionary mla mountaineer mp msp musician
    nanny negotiator neighbor neighbour nomad novelist nun nurse organiser organizer owner
    painter paramedic pastoralist pharmacist photographer physician physicist pianist pilot
    planter plumber poet policeman policewoman postman postwoman producer prosecutor
    protester publican publisher pupil rancher ranger rapper referee reporter researcher
    rower runner sailor scientist sculptor shopkeeper silversmith skater skier snowboarder
    sociologist soldier solicitor songwriter spokesman spokeswoman sprinter stonemason
    storyteller student surgeon swimmer teacher tenant trader translator trapper umpire
    vendor vet veterinarian vicar vintner violinist volunteer waiter waitress watchmaker
    welder winemaker woodcarver worker wrestler writer
    coordinator analyst administrator assistant consultant accountant developer supervisor
    executive clerk receptionist
    """.split()
)
# Honorifics, offices and ranks, in any case (``Dr.``, ``DR``, ``dr``), without a final ".".
# The second block: peerage and imperial titles, religious ranks, the words that open a
# compound title (``Vice President``, ``Crown Prince``) and the abbreviated ranks of news
# copy (``Sgt.``, ``Gov.``); CoNLL-2003 train and dev never start a person entity with one.
# The third block (the twenty-first session): honorifics of other languages written before
# a name in English text (Malay ``Datuk``, Fijian ``Ratu``, Hausa ``Alhaji``, Yoruba ``Oba``,
# Hindi ``Shri``, West African English ``Aunty``); none starts a CoNLL-2003 person entity.
# The fourth block (the twenty-third session): Afrikaans and Dutch kinship words (``Oom``,
# ``Tante``) and players' roles that open a sports report's sentence (``Opener``,
# ``Striker``): CoNLL-2003 has 96 person entities right after such a role and none that
# starts with one.
# The fifth block (the twenty-fourth session): kinship words and honorifics of other
# languages that English text writes before a name (Yiddish ``Bubbe``, Tamil ``Paati``,
# Filipino ``Kuya``, Shona ``Ambuya``, Sesotho ``Ntate``, Welsh ``Nain``, German ``Frau``),
# kept only if no ``gazetteer_v2`` list holds the word as a name and no CoNLL-2003 train or
# dev person entity holds it, and if it is not a given name we know (``Abi``, ``Lolo``,
# ``Yaya``, ``Tete``, ``Masi``, ``Afi``, ``Papa``, ``Tita``, ``Sisi``, ``Apa``, ``Hala``,
# ``Guru``, ``Sardar``, ``Mufti``, ``Shaikh``, ``Mami``) or a name's part (``Bu``, ``Kui``, ``Papi``).
# The sixth block (the same session; kept in ``OCCUPATIONS``): occupations that news copy and
# captions write before a name (``Fisherwoman``, ``Embroiderer``, ``Kayaker``, ``Economist``,
# ``MP``), with the same filter: CoNLL-2003 train and dev have 129 person entities right after
# one and none that starts with one. Left out as surnames: ``Baker``, ``Farmer``, ``Potter``,
# ``Weaver``, ``Singer``, ``Driver``, ``Rider``, ``Warden``, ``Principal``, ``Carver``,
# ``Herder``, ``Boxer`` and the like.
# The seventh block (the twenty-fifth session): sportspeople's roles and events that news copy
# writes before a name (``Flanker``, ``Shortstop``, ``Hurdler``, ``Judoka``), and the Spanish
# ``tía``, ``Count``, ``Canon``, ``Tánaiste`` and ``Taoiseach``, with the same filter; roles
# that are also surnames are in ``SURNAME_ROLES``.
# The eighth block (the twenty-sixth session): party labels that news copy writes before a
# candidate's name (``Democrat Prunella Grindrod``, ``Conservative councillor``) and chess
# titles (``GM``, ``WGM``), the ``Revd`` of church notices, ``Madam`` and boxers' weights
# (``Cruiserweight``); none starts a CoNLL-2003 train or dev person entity.
# The ninth block (the same session; its jobs kept in ``OCCUPATIONS``): councillors' ``Cllr``,
# ``Mr Speaker``, and the jobs of job adverts and CVs (``Logistics Coordinator``, ``Data
# Analyst``); none starts a CoNLL-2003 person entity, and none is a name of the ``gazetteer_v2``
# lists.
# The tenth block (the same session): what case notes and headlines call a person before the
# name (``Patient Dobroslava Novotná``, ``Teenager Suphannee Chaiyasit Wins ...``); none starts
# a CoNLL-2003 train or dev person entity. The twenty-ninth session added ``Steeplechaser``
# to the seventh block, ``Veteran`` to the tenth, and the eleventh: Indian honorifics of
# history books (``Chhatrapati Shivaji``, ``Munshi Premchand``, ``Lokmanya Tilak``), none a
# token of CoNLL-2003 train or dev.
# Not here: words that often start a name themselves (``Major``, ``Nana``, ``Son``,
# ``Duke``, ``Earl``, ``Baron``, ``Marquis``, ``Sultana``, ``Deacon``, ``Justice``, ``Gen``,
# ``Sen``; ``Begum``, ``Tan`` and ``Sri``, which start CoNLL-2003 person or place names;
# the surnames ``Winger``, ``Bowler`` and ``Keeper``).
TITLES: FrozenSet[str] = (
    frozenset(
        """
    mr mrs ms mx miss dr prof professor sir dame lord lady king queen prince princess sheikh
    emir president chancellor minister senator governor mayor councillor judge ambassador
    secretary commissioner general colonel captain lieutenant sergeant admiral officer
    detective inspector constable coach chairman chairwoman pope cardinal bishop archbishop
    reverend rev father fr sister brother rabbi imam pastor uncle aunt auntie grandma grandpa
    granny grandmother grandfather mum mom dad grandad granddad grandaddy grandmum

    duchess countess viscount viscountess marquess marchioness baroness baronet
    emperor empress tsar tsarina czar czarina maharaja maharani chief premier abbot abbess
    ayatollah mullah swami vice deputy prime crown sgt lt col capt cpl supt insp rep gov

    aunty ratu dato datuk datin tun haji hajji hajjah alhaji alhaja hajia oba igwe mallam
    shri smt ustad

    oom tante tannie opener skipper striker midfielder goalkeeper defender batsman batter
    wicketkeeper playmaker quarterback fullback spinner paceman seamer

    bubbe bubby bobe bobbe zeyde zayde zaidy zaide zeide savta feter mume
    paati thatha thaatha ammamma appachan ammachi appa chachi mausi bua phupho phuphi
    khala khalu mamu mamaji chachaji akka thambi athai periamma chithi chithappa periyappa
    ammi abbu dadaji naniji dadiji aapa baji teta sitto sittu jiddo jeddo jido khalto khalti
    ammo ammu teyze amca dayi abla hoca hodja khaleh ammeh amoo daii kuya ate manong manang
    nanay tatay tatang popo ahma akong ayi nainai laolao laoye gege jiejie shifu sifu makcik
    pakcik ibu bapak mbak encik tok opah atok nenek kakak abang halmeoni harabeoji
    samchon eonni oppa nuna hyung gogo mkhulu ambuya mbuya sekuru oupa mzee shangazi mjomba
    yeye ntate rre mma ausi abuti mfundisi umama opa omi opi nonna nonno zio abuela abuelo
    abuelita abuelito tio tío avo avó avô vovo vovó vovô yiayia papou pappous theia theios
    babcia dziadek ciocia wujek babushka dedushka babulya dyadya tyotya babicka babička
    dedecek dědeček mamó nain taid mamgu tadcu mormor farmor morfar farfar bestemor
    bestefar mummo vaari gran granda grampa gramps gammy meemaw peepaw pawpaw mawmaw meme
    mémé pépé tatie tonton koro kuia whaea matua kupuna doña senor señor señora
    senorita señorita sra srta monsieur madame mademoiselle mme mlle herr frau fraulein
    fräulein signor signora signorina senhor senhora pani meneer mevrouw mevr ustaz ustadz
    ustadh maulvi pandita bhikkhu bhikkhuni ajahn geshe venerable kabaka ooni nawab pir qari
    sheik sheikha

    flanker flyhalf outfielder infielder shortstop catcher linebacker cornerback tailback
    halfback kicker punter wingback centreback allrounder goalie netminder hurdler thrower
    marathoner surfer judoka triathlete decathlete heptathlete biathlete racer motorcyclist
    prop fighter shooter jumper trainer tánaiste taoiseach tía scrum-half fly-half full-back
    centre-back center-back left-back right-back wing-back all-rounder leg-spinner count canon
    steeplechaser

    democrat republican conservative tory gm wgm revd madam ma'am maam flyweight bantamweight
    featherweight lightweight welterweight middleweight cruiserweight heavyweight

    cllr cllrs speaker

    patient teenager schoolboy schoolgirl pensioner toddler widow widower veteran

    chhatrapati munshi lokmanya netaji rajmata
    """.split()
    )
    | OCCUPATIONS
)

# Relations and roles written before a name in lower case (``cousin Sione``, ``striker
# Osimhen``). Only their lower-case form is trimmed: ``Will``, ``Son`` or ``Friend`` as
# written at a name's start may be the name.
RELATIONS: FrozenSet[str] = frozenset(
    """
    cousin uncle aunt brother sister son daughter wife husband mother father grandma grandpa
    colleague friend neighbour neighbor teammate coach manager boss teacher nurse doctor
    winger captain actor actress singer author novelist
    poet artist director spokesman spokeswoman spokesperson lawyer analyst economist
    nephew niece grandson granddaughter stepmother stepfather stepson stepdaughter boyfriend
    girlfriend fiance fiancee fiancé fiancée partner bro sis roommate flatmate classmate
    coworker bestie driver nan nana nanna gran guy cuz oma mama nani amma chị kaka lola tita
    bhaiya dayı primo prima mamie yaar bhai aapi didi
    """.split()
)


# Honorifics and kinship words that South Asian English and chat write after a name (``imran
# bhai``, ``Sharma Sahib``, ``Rukhsana Khala``), in any case; none is a token of CoNLL-2003 train or dev. Not
# here: ``ji``, which also ends Korean names.
AFTER_TITLES: FrozenSet[str] = frozenset(
    "bhai bhaiya didi sahib saab bhabhi khala khalu mamu phuppo chachi".split()
)
# What chat writes after a name it addresses (``florencia amiga``, ``thảo ơi``, ``lujain
# habibti``, ``prajwal bro``; the twenty-fourth session), in lower case only: written with a
# capital some are surnames (``Nuna``). No CoNLL-2003 person entity ends with one or stands
# before one. Not here: ``mate``, ``hun``, ``chan``, ``kun``, ``san``, ``bey``, ``abi`` and
# ``la``, which are also names or parts of names.
CHAT_AFTER: FrozenSet[str] = frozenset(
    """
    bro sis babe fam bestie amiga amigo habibi habibti chale ơi lah oppa unnie eonni hyung
    noona nuna sensei sama senpai abla teyze amca hanım hanim jaan braddah bruddah brah bruv
    cuz cuzzie che sayang nonno nonna bácsi néni phupho akka wallah malaka aunty auntie uncle
    opa bhau uso aka ayi hermana hermano tita aga aapi mija walaal querida querido
    """.split()
)


# Roles that are also surnames (``Winger``, ``Boxer``, ``Potter``): a title only where one
# opens a sentence before a name of two or more words (``Winger Sitani Latu scored ...``),
# where it cannot be the name's own first word. No CoNLL-2003 train or dev person entity of
# three or more words opens a sentence with one.
SURNAME_ROLES: FrozenSet[str] = frozenset(
    """
    winger boxer bowler keeper baker farmer potter weaver singer driver rider carver herder
    butcher cook miller porter hooker lock diver archer pitcher guard wing
    """.split()
)


# The endings of occupations (``Glaciologist``, ``Choreographer``, ``Paediatrician``): a word
# of eight letters or more with one is a title too. No CoNLL-2003 train or dev person entity
# holds one.
TITLE_ENDINGS = ("ologist", "ographer", "ician")


def is_title(text: str) -> bool:
    """Whether the token ``text`` is a title or, written in lower case, a relation word."""
    key = text.lower().rstrip(".")
    return key in TITLES or (text.islower() and key in RELATIONS) or has_title_ending(key)


def name_word(token: Token) -> bool:
    """Whether ``token`` may be a word of a name: a capitalised word of letters that is no
    stop word and no title."""
    return capital_word(token) and not token.is_stop and not is_title(token.text)


def has_title_ending(key: str) -> bool:
    """Whether the lower-cased word ``key`` ends as an occupation does (``TITLE_ENDINGS``)."""
    return len(key) >= 8 and key.endswith(TITLE_ENDINGS)


def is_after_title(text: str) -> bool:
    """Whether the token ``text`` is an honorific written after a name, or, in lower case, a
    word that chat writes after a name it addresses."""
    return text.lower() in AFTER_TITLES or (text.islower() and text in CHAT_AFTER)


def trim_titles(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move the start of each person span past its leading titles and their full stops
    (``Dr . Cox``) and past a role that is also a surname where one opens a sentence before
    two or more words (``SURNAME_ROLES``), and its end before the honorifics that follow a
    name (``imran bhai``), never past its last token; drop a span that is one title or
    relation word in lower case (``gran``, ``teta``) or one title of address (``Madam``), or
    that ends with a job (``Sous Chef``).

    ``spans`` are ``(start, end, label)`` at token positions ``offset`` ahead of ``doc``'s;
    ``person_labels`` are the label ids whose spans are trimmed.
    """
    trimmed = []
    for start, end, label in spans:
        if label in person_labels:
            if end - start > 2 and _surname_role(doc, start - offset):
                start += 1
            while end - start > 1:
                width = _title_width(doc, start - offset, end - offset)
                if not width:
                    break
                start += width
                while end - start > 1 and doc[start - offset].text == ".":
                    start += 1
            while end - start > 1 and is_after_title(doc[end - 1 - offset].text):
                end -= 1
            if end - start == 1 and _lone_title(doc[start - offset].text):
                continue
            if _ends_with_role(doc, start - offset, end - offset):
                continue
        trimmed.append((start, end, label))
    return trimmed


# Titles that address a person and are no name on their own in any case (``Dear Sir or
# Madam``, ``"Ma'am, the carriage is waiting"``).
ADDRESS_TITLES: FrozenSet[str] = frozenset(
    "sir madam ma'am maam mr mrs ms mx dr prof speaker".split()
)


def _lone_title(text: str) -> bool:
    """Whether ``text`` is a title or a relation word written in lower case (``gran``) or a
    title that addresses a person (``Madam``)."""
    if text.islower() and (text in TITLES or text in RELATIONS):
        return True
    return text.lower().rstrip(".") in ADDRESS_TITLES


def _ends_with_role(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` ends with an occupation written with a capital that no name
    list holds (not ``Emir``): a job (``Sous Chef``, ``Logistics Coordinator``), not a
    person. No CoNLL-2003 train or dev person entity ends with an occupation; two other
    entities do."""
    last = doc[end - 1].text
    key = last.lower().rstrip(".")
    if not last[:1].isupper() or not (key in OCCUPATIONS or has_title_ending(key)):
        return False
    return not listed_name(doc, end - 1, end)


def _surname_role(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` is a role that is also a surname, written with a capital, opening
    a sentence."""
    text = doc[i].text
    return text[:1].isupper() and text.lower() in SURNAME_ROLES and opens_sentence(doc, i)


def _title_width(doc: Doc, i: int, end: int) -> int:
    """How many tokens the title at ``doc[i]`` spans: 1, or 3 for titles joined by a hyphen
    (``Prosecutor-General``) and hyphenated titles (``Scrum-half``); 0 where ``doc[i]`` is
    no title or a hyphen joins it to a word that makes none."""
    if i + 1 < end and hyphen_after(doc, i):
        if i + 2 < end - 1 and (
            (is_title(doc[i].text) and is_title(doc[i + 2].text)) or is_title(doc[i : i + 3].text)
        ):
            return 3
        return 0
    return 1 if is_title(doc[i].text) else 0


# Generational and regnal suffixes that end a name (without a final "."), as written.
SUFFIXES: FrozenSet[str] = frozenset("Jr JR Sr SR II III IV VI VII VIII IX".split())
# One-letter regnal numerals: a suffix only after a title (``Queen Elizabeth I``), not in
# ``thanks Maria I owe you``.
REGNAL_AFTER_TITLE: FrozenSet[str] = frozenset("I V X".split())


def take_suffixes(
    spans: Sequence[Tuple[int, int, int]], doc: Doc, person_labels: Sequence[int], offset: int = 0
) -> List[Tuple[int, int, int]]:
    """Move the end of each person span over a suffix right after it (``Jr.``, ``III``; ``I``
    when a title stands before the span), unless another span starts there.

    ``spans`` are sorted ``(start, end, label)`` at token positions ``offset`` ahead of
    ``doc``'s; ``person_labels`` are the label ids whose spans may grow.
    """
    grown = []
    for k, (start, end, label) in enumerate(spans):
        after = end - offset
        free = k + 1 == len(spans) or spans[k + 1][0] > end
        if label in person_labels and free and after < len(doc):
            key = doc[after].text.rstrip(".")
            before = start - offset - 1
            titled = before >= 0 and is_title(doc[before].text)
            if key in SUFFIXES or (key in REGNAL_AFTER_TITLE and titled):
                end += 1
        grown.append((start, end, label))
    return grown
