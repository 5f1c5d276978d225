"""The words of psychological and neuropsychological testing that a report writes in title
case as if they were names: the subtests, indexes and scales of the common batteries, the
descriptors of a score's range, and the tests of effort.

A span that lies within one is no one's (scales.py drops it): "Block Design", "Reliable
Digit Span", "Low Average", "Long Delay Free Recall". Each phrase is matched whole, in any
case, a space matching a hyphen too, so "Digit Span" in "Digit Span Backward" is found and
"Design" alone is not."""

# (lower case, one phrase per "|"; the longer of two overlapping phrases is listed too where
# a report writes it: "long delay free recall" and "free recall". Never a word alone that
# names a place or a person as well: "Superior" is a town, "Low" a surname.)
_PHRASES = """
block design|similarities|vocabulary|information|comprehension|matrix reasoning|figure
weights|visual puzzles|picture concepts|picture completion|picture span|digit span|digit span
forward|digit span backward|digit span sequencing|reliable digit span|longest digit span|
letter number sequencing|arithmetic|coding|symbol search|cancellation|naming speed literacy|
naming speed quantity|immediate symbol translation|delayed symbol translation|recognition
symbol translation|spatial addition|symbol span|designs|zoo locations|bug search|animal coding|
receptive vocabulary|picture memory|object assembly|verbal comprehension index|visual spatial
index|fluid reasoning index|working memory index|processing speed index|perceptual reasoning
index|general ability index|cognitive proficiency index|nonverbal index|full scale|visual
working memory index|auditory working memory index|quantitative reasoning index|
logical memory|verbal paired associates|visual reproduction|designs i|spatial addition|
brief cognitive status exam|auditory memory|visual memory|immediate memory|delayed memory|
list learning|story memory|figure copy|line orientation|picture naming|semantic fluency|list
recall|list recognition|story recall|figure recall|total scale|trials 1 5 total|short delay free
recall|short delay cued recall|long delay free recall|long delay cued recall|free recall|cued
recall|delayed recall|immediate recall|total recall|recognition discriminability|
discriminability|forced choice recognition|delayed recognition|trail making|trail making
test|number sequencing|letter sequencing|number letter switching|visual scanning|motor speed|
color word interference|color naming|word reading|inhibition switching|verbal fluency|letter
fluency|category fluency|category switching|design fluency|tower test|twenty questions|word
context|proverb test|sorting test|card sorting|perseverative errors|perseverative responses|
failure to maintain set|grooved pegboard|finger tapping|hand dynamometer|grip strength|
word choice|dot counting test|rey 15 item|b test|test of memory malingering|medical symptom
validity test|word memory test|nonverbal medical symptom validity test|
daily living memory|aphasia quotient|boston naming test|token test|complex figure|
map search|elevator counting|telephone search|telephone search while counting|visual
elevator|lottery|word reading|pseudoword decoding|oral reading fluency|reading comprehension|
spelling|sentence composition|essay composition|math problem solving|numerical operations|
math fluency|math facts fluency|calculation|applied problems|letter word identification|
passage comprehension|broad mathematics|broad reading|broad written language|phonological
awareness|phonological memory|rapid symbolic naming|rapid non symbolic naming|sight word
efficiency|phonemic decoding efficiency|total word reading efficiency|reading rate|visual
perception|motor coordination|visual motor integration|
general adaptive composite|conceptual|practical|communication|daily living skills|
socialization|adaptive behavior composite|comparison score|calibrated severity score|
inattention|hyperactivity|impulsivity|executive dysfunction|emotional dysregulation|learning
problems|peer relations|defiance aggression|current symptoms|childhood symptoms|
behavior regulation index|emotion regulation index|cognitive regulation index|global executive
composite|plan organize|shift|inhibit|self monitor|task monitor|organization of materials|
teacher form|parent form|self report|observer form|rating scales|
treatment consideration|defensive avoidance|intrusive experiences|anxious arousal|
depression|sexual concerns|dissociation|somatic preoccupation|
extremely low|very low|low average|average|high average|above average|below average|very
high|extremely high|very superior|borderline|well below average|well above average|
markedly atypical|mildly atypical|moderately atypical|elevated|very elevated|clinically
significant|at risk|mildly impaired|moderately impaired|severely impaired|within normal limits|
goal management training|attention process training|cognitive rehabilitation|specific learning
disability|other health impairment|emotional disturbance|intellectual disability|
amnestic disorders|low intelligence|neurologic impairment|affective disorders|psychosis|
nelson-denny|rey osterrieth|delis kaplan executive function system|beery buktenica|
rey complex figure|rey auditory verbal learning test|wisconsin card sorting test|
static 99r|static 99|stable 2007|acute 2007|gudjonsson suggestibility scale|antisocial features|
egocentricity|stimulus seeking|rare symptoms|symptom combinations|evaluation of competency to
stand trial revised|risk need responsivity|
"""

PHRASES = [p.strip() for p in " ".join(_PHRASES.split("\n")).split("|") if p.strip()]
