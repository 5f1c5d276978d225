"""The words of a practice's models, services and papers that a note writes in title case as
if they were names: schema therapy's modes and schemas, EMDR's and cognitive processing
therapy's steps and worksheets, eating-disorder treatment's, the kinds of service and order a
letter names, a practice's forms, and a Navy rank. A span that lies within one is no one's
(scales.py drops it): "the Detached Protector", "Butterfly Hug", "Community Treatment
Order", "Good Faith Estimate"."""

# (lower case, one phrase per "|", a space matching a hyphen too)
_PHRASES = """
vulnerable child|angry child|impulsive child|undisciplined child|abandoned
child|abused child|lonely child|detached protector|detached self soother|compliant
surrenderer|self aggrandizer|bully and attack|punitive parent|demanding parent|critical
parent|healthy adult|emotional deprivation|defectiveness|social isolation|vulnerability to
harm|insufficient self control|subjugation|self sacrifice|approval seeking|emotional
inhibition|unrelenting standards|punitiveness|self energy|window of tolerance|other
professionals|good faith estimate|intensive outpatient|partial hospitalization|partial
hospitalisation|early intervention in psychosis service|early intervention in psychosis|
early intervention service|community treatment order|treatment order|psycho oncology|old
age psychiatry|memory assessment service|access team|acute medicine|community pharmacy|
opioid substitution therapy|registered mental health nurse|mental health nurse|petty
officer first class|petty officer second class|petty officer third class|chief petty
officer|petty officer|butterfly hug|light stream|impact statement|written exposure therapy|
traumatic episode protocol|in vivo|calm place|float back|bilateral
stimulation|cognitive interweave|resource development and installation|stuck point|stuck
point log|challenging questions worksheet|patterns of problematic thinking|problematic
thinking|trauma narrative|fear foods|fear food hierarchy|regular eating|meal
plan|mechanical eating|family based treatment|soft start up|harsh start up|negative sentiment
override|positive sentiment override|perpetual problem|solvable problem|attachment injury
resolution|attachment injury|withdrawer re engagement|blamer softening|cross generational
coalition|multigenerational transmission|unique outcomes|influence questions|relative
influence questions|super reasonable|conflict avoiding|pursuer distancer|the wall|negative
cycle|de escalation|underlying emotions|secondary emotion|primary emotion|spontaneous
desire|responsive desire|mental load|couple violence|situational couple violence|intimate
terrorism|emotion mind|reasonable mind|middle path|mind reading|should statements|thinking
traps|cognitive distortions|all or nothing thinking|evidence for|evidence against|balanced
thought|downward arrow|planned ignoring|labelled praise|labeled praise|committed action|
personal values|expressed emotion|problem solving therapy|behavioural activation|behavioral
activation|cope ahead|check the facts|reducing vulnerability|abstinence violation effect|
violation effect|anger cycle|activity scheduling|pleasant events scheduling|sleep hygiene|body
scan|self as context|present moment|cognitive defusion|leaves on a stream|dropping anchor|rain
practice|receiving compliments|keeping friends|facial expressions|labelling emotions|labeling
emotions|panic attacks|interpersonal conflict|mode map|protective factors|private first
class|lance corporal
"""

PHRASES = [p.strip() for p in " ".join(_PHRASES.split("\n")).split("|") if p.strip()]
