#!/usr/bin/env python3
# make-archive-corpus.py: writes the seed corpora of the data archive's
# harnesses (a few small zips, one file per CSV reader), shaped like
# the network's real export.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/fuzz/make-archive-corpus.py [CORPUS_DIR]
# The output is committed; run again only to change the seeds.
import os
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, 'corpus')

CONNECTIONS = (
    'Notes:\r\n'
    '"When exporting your connection data, you may notice that some of the '
    'email addresses are missing. You will only see email addresses for '
    'connections who have allowed their connections to see or download '
    'their email address using this setting '
    'https://www.linkedin.com/psettings/privacy/email. You can learn more '
    'here https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    '\r\n'
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n'
    'Jean,Dupont,https://www.linkedin.com/in/jean-dupont-1a2b3c,,"Acme, Inc.",Directeur commercial,12 Mar 2024\r\n'
    'Marie,Curie,https://www.linkedin.com/in/marie-curie,marie@example.com,Institut du Radium,"Chercheuse ""senior""",03 Jan 2023\r\n'
    'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Mathematician,28 Feb 2022\r\n'
    'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-2,,Babbage & Co,Analyst,01 Feb 2022\r\n'
    ',,,,,,15 Apr 2021\r\n'
)

PROFILE = (
    'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,'
    'Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n'
    'Grace,Hopper,,"1 Navy Yard, Arlington",Dec 9,"Rear admiral, compilers",'
    '"Wrote the first compiler.\nLikes ""nanoseconds"".",Defense,22202,'
    '"Arlington, Virginia, United States",[gracehopper],'
    '"[PERSONAL:https://example.com/grace]",\n'
)

MESSAGES = (
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,'
    'RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n'
    '2-YmFjMDk=,,Grace Hopper,https://www.linkedin.com/in/grace-hopper,Jean Dupont,'
    'https://www.linkedin.com/in/jean-dupont-1a2b3c,2026-03-15 10:22:33 UTC,,'
    '"Hello Jean, how are you?\nSee you ""soon"".",INBOX,\n'
    '2-YmFjMDk=,,Jean Dupont,https://www.linkedin.com/in/jean-dupont-1a2b3c,Grace Hopper,'
    'https://www.linkedin.com/in/grace-hopper,2026-03-15 11:02:00 UTC,,'
    '"Fine, thanks!",INBOX,\n'
    '2-Y2NjMTA=,Team,Grace Hopper,https://www.linkedin.com/in/grace-hopper,'
    '"Marie Curie,Ada Lovelace",'
    '"https://www.linkedin.com/in/marie-curie,https://www.linkedin.com/in/ada-lovelace",'
    '2026-02-01 08:00:00 UTC,Lunch,"Lunch on Friday?\n\n-- G.",INBOX,'
    'https://www.linkedin.com/dms/file.pdf\n'
    '2-ZGRkMTE=,,Recruiter Bob,https://www.linkedin.com/in/recruiter-bob,Grace Hopper,'
    'https://www.linkedin.com/in/grace-hopper,2025-12-24 23:59:59 UTC,A role,'
    '"A role, maybe?",INBOX,\n'
    '2-ZWVlMTI=,,LinkedIn Offer,,Grace Hopper,https://www.linkedin.com/in/grace-hopper,'
    '2025-11-01 09:00:00 UTC,,Sponsored,SPONSORED,\n'
)

COACH_MESSAGES = (
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,'
    'RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n'
    '2-Y29hY2g=,,Coach,,Grace Hopper,https://www.linkedin.com/in/grace-hopper,'
    '2026-01-05 12:00:00 UTC,,"How can I help, Grace?",INBOX,\n'
)

INVITATIONS = (
    'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n'
    'Grace Hopper,Alan Turing,"6/2/26, 9:14 AM","Hi Alan, let us connect.",OUTGOING,'
    'https://www.linkedin.com/in/grace-hopper,https://www.linkedin.com/in/alan-turing\n'
    'Katherine Johnson,Grace Hopper,"12/31/25, 11:59 PM",,INCOMING,'
    'https://www.linkedin.com/in/katherine-johnson,https://www.linkedin.com/in/grace-hopper\n'
    'No Url,Grace Hopper,"1/1/26, 12:00 AM",,INCOMING,,\n'
)

ENDORSEMENTS = (
    'Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,'
    'Endorser Public Url,Endorsement Status\n'
    '2019/05/28 06:56:49 UTC,Compilers,Jean,Dupont,'
    'www.linkedin.com/in/jean-dupont-1a2b3c,ACCEPTED\n'
    '2020/01/02 10:00:00 UTC,"COBOL, of course",Alan,Turing,'
    'https://www.linkedin.com/in/alan-turing,ACCEPTED\n'
    '2021/03/04 05:06:07 UTC,Spam,Some,One,www.linkedin.com/in/some-one,REJECTED\n'
)

RECOMMENDATIONS = (
    'First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n'
    'Jean,Dupont,"Acme, Inc.",Directeur commercial,'
    '"Grace is ""the"" best.\nHire her.","03/15/26, 10:22 AM",VISIBLE\n'
    'Ada,Lovelace,Analytical Engines,Mathematician,Namesakes: unmatched,'
    '"01/02/25, 8:00 PM",VISIBLE\n'
    'Nobody,Known,None,None,Not a connection,"01/02/25, 8:00 PM",HIDDEN\n'
)


def write(kind, name, text):
    folder = os.path.join(corpus, kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), 'w', newline='') as f:
        f.write(text)


def write_zip(name, files, compression):
    folder = os.path.join(corpus, 'archive')
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    with zipfile.ZipFile(path, 'w', compression) as z:
        for entry, text in files:
            info = zipfile.ZipInfo(entry, date_time=(2026, 3, 15, 10, 22, 32))
            info.compress_type = compression
            z.writestr(info, text)


write('messages', 'messages.csv', MESSAGES)
write('profile', 'Profile.csv', PROFILE)
write('invitations', 'Invitations.csv', INVITATIONS)
write('endorsements', 'Endorsement_Received_Info.csv', ENDORSEMENTS)
write('recommendations', 'Recommendations_Received.csv', RECOMMENDATIONS)

full = [
    ('Connections.csv', CONNECTIONS),
    ('Profile.csv', PROFILE),
    ('messages.csv', MESSAGES),
    ('coach_messages.csv', COACH_MESSAGES),
    ('Invitations.csv', INVITATIONS),
    ('Endorsement_Received_Info.csv', ENDORSEMENTS),
    ('Recommendations_Received.csv', RECOMMENDATIONS),
    ('Jobs/Job Applications.csv', 'Application Date,Company Name,Job Title\n'
     '"3/1/26, 2:00 PM","Acme, Inc.",Engineer\n'),
]
# Stored entries: the fuzzer sees, and mutates, the CSV itself.
write_zip('full-stored.zip', full, zipfile.ZIP_STORED)
write_zip('full-deflated.zip', full, zipfile.ZIP_DEFLATED)
# Unpacked into a folder of the zip, as some unzip tools do.
write_zip('in-folder.zip',
          [('Basic_LinkedInDataExport_03-15-2026/' + n, t) for n, t in full[:3]],
          zipfile.ZIP_STORED)
write_zip('connections-only.zip', [('Connections.csv', CONNECTIONS)],
          zipfile.ZIP_STORED)
write_zip('no-connections.zip', [('messages.csv', MESSAGES)],
          zipfile.ZIP_DEFLATED)
