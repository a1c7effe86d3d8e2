"""Function words of the interface languages: articles, prepositions, conjunctions,
pronouns, particles and auxiliaries ("the", "of", "как", "pro", "për", "في").

Best match (``search.best_match``) does not count them among the words a document must
hold most of: a practitioner's sentence "как подготовить мигрантов к отъезду на работу за
границу" has nine words, four of them function words that no English record holds and
every Russian one does. They still count for the strict search (every word) and inside
quoted phrases.

Whoosh's stop lists serve the languages it has one for; the others (which it lacks) are
short lists of each language's most frequent function words, written here. One set for
every language at once: a Czech reader may type English, and the search does not know
the language of a query.
"""

from __future__ import annotations

from functools import cache

from headstart.search.analysis import fold

#: Interface languages whose list is Whoosh's.
FROM_WHOOSH = ("en", "de", "hu", "it", "nl", "pt", "ru")

#: The other interface languages' function words (as typed; folded when read).
OWN = {
    "cs": """a aby ale ani ano asi až by byl byla bylo byli být co či další do ho i jak
        jako jaké jaký je jeho jej její jen jenž ji jsem jsme jsou jste k kam kde kdo kdy
        když ke která které který kteří mezi mi mít mne mně mu my na nad nám nás náš ne
        nebo než nich ním o od ode on ona oni ono pak po pod podle pokud pro proč před
        při s se si sice so své svůj ta tak také tam te ten tento teto tím to toho tom
        tomto tu tuto ty u už v vám vás ve však vy z za ze že""",
    "sk": """a aby ako ale ani aj až bol bola bolo boli byť by čo do ho i ich ja je jeho
        jej ju k kam kde kedy keď ktorá ktoré ktorý ktorí na nad nás náš nie od on ona
        oni ono po pod podľa pre pred pri pri s sa si so sú ste sme ta tak tam ten to
        tu tým u už v vo vy z za zo že""",
    "uk": """а або але б би був була було були бути в від віт во все де для до з за
        зі і й із їх його її як яка які який коли ми на над не ні но о об один він
        вона вони воно від під по при про с та так також те то тут у уже це цей ця
        чи що щоб""",
    "ro": """a acea acel acest această aceste ai al ale am ar are au ca care ce cel cea
        cei cele cu cum da de deci din după el ea ei ele este eu fi fie fost iar în
        între la le lor lui mai mult ne nici noi nu o or ori pe pentru prin sa să se
        si și sunt sau spre tot un una unei unor unui va voi""",
    "sq": """a apo as asnjë ai ajo ata ato deri dhe do e edhe ende është i jam janë jo
        ka kam kanë kë këtë ky kjo me mbi më mund na në nga nuk ose pa para pas për
        po prej qё që se si sipas ta të te tek tij ti tyre u ua unë ju jemi""",
    "mk": """а али во врз да до е за и или ако ги го до ѝ им ја је каде како кога која
        кое кој кои ме на над не ни од по под поради преку при со сме сте су та таа
        тие тој ова овој оваа овие се си што штом ќе""",
    "ar": """في من إلى على عن مع أو و ثم أن إن كان كانت هذا هذه ذلك تلك الذي التي
        الذين هو هي هم نحن أنا أنت ما لا لم لن قد كل بعض عند بين حتى إذا كيف أين متى
        لماذا هل""",
    "vi": """và của là có cho các những một được trong với để không này đó khi thì
        như từ tại về ra vào nào ở đã sẽ đang cũng""",
}


@cache
def words() -> frozenset[str]:
    """Every function word, folded as the index folds words."""
    from whoosh.lang import stopwords

    found = {fold(word) for code in FROM_WHOOSH for word in stopwords.stoplists[code]}
    found.update(fold(word) for text in OWN.values() for word in text.split())
    return frozenset(found)


def is_function_word(folded: str) -> bool:
    """Whether a folded query word is a function word of some interface language."""
    return folded in words()
