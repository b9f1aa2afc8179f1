"""Item data roles shared by the list models and the delegate."""

from PySide6.QtCore import Qt

PAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DRUGS_ROLE = Qt.ItemDataRole.UserRole + 2
FAVORITE_ROLE = Qt.ItemDataRole.UserRole + 3
MISSING_ROLE = Qt.ItemDataRole.UserRole + 4  # a favorite whose page is not in this library
DRUG_KEY_ROLE = Qt.ItemDataRole.UserRole + 5  # set on drug rows of the by-drug tree
COUNT_ROLE = Qt.ItemDataRole.UserRole + 6
NOTE_ROLE = Qt.ItemDataRole.UserRole + 7  # secondary text: which asked drugs a row covers, or its file
SIMILAR_ROLE = Qt.ItemDataRole.UserRole + 8  # the row matched a similar spelling, not the name typed
FAVORITE_KEY_ROLE = Qt.ItemDataRole.UserRole + 9  # a favorite row's page id as saved (notes, folders)
FAVORITE_TEXT_ROLE = Qt.ItemDataRole.UserRole + 10  # folder and note, folded, for the search
