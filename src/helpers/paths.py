"""Every path the project uses, from one place."""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
PROJ_ROOT = PACKAGE_DIR.parents[1]
SEEDS_DIR = PROJ_ROOT / "seeds"
FIGURES_DIR = PROJ_ROOT / "figures"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"

LEXICON_FILE = DATA_DIR / "lexicon.txt"
THEMES_FILE = DATA_DIR / "themes.txt"
GAZETTEER_FILE = DATA_DIR / "gazetteer_qingdao.tsv"
GAZETTEER_EDITORIAL_FILE = DATA_DIR / "gazetteer_editorial.tsv"  # zones and aliases outside Qingdao
STOPWORDS_FILES = (DATA_DIR / "stopwords-zh.txt", DATA_DIR / "stopwords-domain.txt")
SURNAMES_FILE = DATA_DIR / "surnames.txt"


def seed_files(folder=SEEDS_DIR):
    """Every article file in ``folder`` (hidden files and sub-folders skipped), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
