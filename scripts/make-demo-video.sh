#!/usr/bin/env bash
# Re-creates public/media/demo-lesson.mp4 and demo-lesson.en.vtt (see public/media/README.md).
# Needs Debian's ffmpeg, espeak-ng and fonts-dejavu. Not run by npm: the outputs are committed.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/public/media"
work=$(mktemp -d)
cd "$work"
cat > lines.txt <<'TEXT'
Welcome to Circle. This short clip stands in for the lesson video while you try the platform.
Relational practice starts with a simple idea: we do our best work with people, not to them or for them.
As you watch, notice a moment this week when you held someone to a high standard and gave them the support to reach it.
Your progress is saved as you go, so you can pause and come back whenever you like.
When the video ends, carry on to the next lesson in the outline.
TEXT
i=0
: > list.txt
echo WEBVTT > demo-lesson.en.vtt
t=0
while IFS= read -r line; do
	i=$((i + 1))
	espeak-ng -v en-gb -s 150 -w "l$i.wav" "$line"
	d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "l$i.wav")
	ffmpeg -v error -y -f lavfi -i anullsrc=r=22050:cl=mono -t 0.6 "gap$i.wav"
	printf "file 'l%s.wav'\nfile 'gap%s.wav'\n" "$i" "$i" >> list.txt
	python3 -c "
import sys
t, d = float('$t'), float('$d')
f = lambda s: f'{int(s//3600):02d}:{int(s%3600//60):02d}:{s%60:06.3f}'
print(f'\n$i\n{f(t)} --> {f(t+d)}')" >> demo-lesson.en.vtt
	echo "$line" >> demo-lesson.en.vtt
	t=$(python3 -c "print($t + $d + 0.6)")
done < lines.txt
ffmpeg -v error -y -f concat -safe 0 -i list.txt -ar 22050 narration.wav
length=$(ffprobe -v error -show_entries format=duration -of csv=p=0 narration.wav)
F=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
FB=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
ffmpeg -v error -y -f lavfi -i "color=c=0x0f5257:s=640x360:r=12:d=$length" -i narration.wav -filter_complex \
	"[0:v]drawtext=fontfile=$FB:text='Circle':fontcolor=white:fontsize=44:x=(w-tw)/2:y=110,drawtext=fontfile=$F:text='Demo lesson video':fontcolor=0xe6f2f2:fontsize=24:x=(w-tw)/2:y=175,drawtext=fontfile=$F:text='%{pts\:gmtime\:0\:%M\\\\\:%S}':fontcolor=0xe6f2f2:fontsize=20:x=(w-tw)/2:y=250[v]" \
	-map "[v]" -map 1:a -c:v libx264 -profile:v baseline -pix_fmt yuv420p -b:v 80k -maxrate 120k -bufsize 240k \
	-c:a aac -b:a 32k -ac 1 -movflags +faststart -shortest demo-lesson.mp4
cp demo-lesson.mp4 demo-lesson.en.vtt "$out/"
echo "Wrote $out/demo-lesson.mp4 ($length s) and demo-lesson.en.vtt"
