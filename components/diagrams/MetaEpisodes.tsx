/**
 * Meta-training and meta-testing as episodes: each task is a small N-way K-shot problem with a
 * support set and a query set; the meta-test task uses classes never seen in meta-training.
 */
import { colour, type DiagramProps, Frame, Label, pick, Sym } from "./svg.tsx";
import { Glyph, type Shape } from "./glyphs.tsx";

const text = {
  title: {
    en: "Meta-training episodes and a meta-test episode with unseen classes",
    ko: "메타 훈련 에피소드와, 처음 보는 클래스로 이루어진 메타 테스트 에피소드",
  },
  desc: {
    en: "Two meta-training tasks are drawn as rows. Each has a support set of three labelled " +
      "images, one per class (3-way 1-shot), and a query set of two images to label. The labels " +
      "1, 2, 3 name different classes in each task. Below a dividing line, a meta-test task has " +
      "the same shape but uses three classes that never appear in meta-training.",
    ko:
      "메타 훈련 과제 두 개가 각각 한 줄로 그려져 있다. 각 과제에는 클래스마다 한 장씩 레이블이 " +
      "붙은 이미지 세 장으로 된 서포트 집합(3-way 1-shot)과, 레이블을 맞혀야 할 이미지 두 장으로 " +
      "된 쿼리 집합이 있다. 레이블 1, 2, 3 은 과제마다 다른 클래스를 가리킨다. 구분선 아래의 메타 " +
      "테스트 과제는 같은 형태이지만, 메타 훈련에서 한 번도 나오지 않은 세 클래스를 쓴다.",
  },
  training: { en: "Meta-training", ko: "메타 훈련" },
  testing: { en: "Meta-testing: unseen classes", ko: "메타 테스트: 처음 보는 클래스" },
  shape: { en: "3-way 1-shot", ko: "3-way 1-shot" },
  support: { en: "support set", ko: "서포트 집합" },
  query: { en: "query set", ko: "쿼리 집합" },
  task: { en: "task", ko: "과제" },
};

/** One episode: the classes in its support set, in label order, and its query images. */
interface Episode {
  sub: string;
  name: { en: string; ko: string };
  support: Shape[];
  query: Shape[];
  unseen: boolean;
}

const episodes: Episode[] = [
  {
    sub: "1",
    name: { en: "task 1", ko: "과제 1" },
    support: ["circle", "triangle", "square"],
    query: ["triangle", "circle"],
    unseen: false,
  },
  {
    sub: "2",
    name: { en: "task 2", ko: "과제 2" },
    support: ["star", "diamond", "plus"],
    query: ["plus", "star"],
    unseen: false,
  },
  {
    sub: "test",
    name: { en: "new task", ko: "새 과제" },
    support: ["hexagon", "cross", "ring"],
    query: ["ring", "hexagon"],
    unseen: true,
  },
];

const cell = 44;
const gap = 8;
const supportX = 86;
const queryX = 274;
const rowHeight = 104;

/** A framed image cell holding one glyph, with its label (or a question mark) beneath. */
function Cell({ x, y, shape, caption, unseen }: {
  x: number;
  y: number;
  shape: Shape;
  caption: string;
  unseen: boolean;
}) {
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={cell}
        height={cell}
        rx={7}
        stroke-width={1.3}
        style={{ fill: colour.surface, stroke: colour.muted }}
      />
      <Glyph
        shape={shape}
        cx={x + cell / 2}
        cy={y + cell / 2}
        size={13}
        fill={unseen ? colour.accent2 : colour.fg}
      />
      <Label x={x + cell / 2} y={y + cell + 14} size={14} weight={600}>{caption}</Label>
    </g>
  );
}

/** One task row: name on the left, support set, then query set. */
function EpisodeRow(
  { episode, y, lang }: { episode: Episode; y: number; lang: DiagramProps["lang"] },
) {
  const frame = episode.unseen ? colour.accent2 : colour.muted;
  const supportWidth = 3 * cell + 2 * gap;
  const queryWidth = 2 * cell + gap;
  const top = y + 34;
  return (
    <g>
      <rect
        x={6}
        y={y}
        width={388}
        height={rowHeight}
        rx={12}
        stroke-width={episode.unseen ? 2 : 1.3}
        style={{ fill: "none", stroke: frame }}
      />
      <Sym x={38} y={y + 46} base="𝒯" sub={episode.sub} size={24} />
      <Label x={42} y={y + 80} size={14} fill={colour.muted}>{pick(lang, episode.name)}</Label>
      <Label x={supportX + supportWidth / 2} y={y + 18} size={14} fill={colour.muted}>
        {pick(lang, text.support)}
      </Label>
      <Label x={queryX + queryWidth / 2} y={y + 18} size={14} fill={colour.muted}>
        {pick(lang, text.query)}
      </Label>
      <line
        x1={(supportX + supportWidth + queryX) / 2}
        y1={y + 12}
        x2={(supportX + supportWidth + queryX) / 2}
        y2={y + rowHeight - 12}
        stroke-width={1.2}
        stroke-dasharray="4 4"
        style={{ stroke: colour.muted }}
      />
      {episode.support.map((shape, k) => (
        <Cell
          key={`s${k}`}
          x={supportX + k * (cell + gap)}
          y={top}
          shape={shape}
          caption={`${k + 1}`}
          unseen={episode.unseen}
        />
      ))}
      {episode.query.map((shape, k) => (
        <Cell
          key={`q${k}`}
          x={queryX + k * (cell + gap)}
          y={top}
          shape={shape}
          caption="?"
          unseen={episode.unseen}
        />
      ))}
    </g>
  );
}

/**
 * The episodes diagram, labelled in the page language.
 * @example renderToString(<MetaEpisodes lang="en" />)
 */
export default function MetaEpisodes({ lang }: DiagramProps) {
  const t = (key: keyof typeof text) => pick(lang, text[key]);
  const [first, second, test] = episodes;
  return (
    <Frame width={400} height={436} name="meta-episodes" title={t("title")} desc={t("desc")}>
      <Label x={8} y={14} anchor="start" size={16} weight={700} fill={colour.accent}>
        {t("training")}
      </Label>
      <Label x={392} y={14} anchor="end" size={14} fill={colour.muted}>{t("shape")}</Label>
      <EpisodeRow episode={first} y={30} lang={lang} />
      <EpisodeRow episode={second} y={144} lang={lang} />
      <Label x={200} y={264} size={18} fill={colour.muted}>⋯</Label>
      <line
        x1={6}
        y1={282}
        x2={394}
        y2={282}
        stroke-width={1.5}
        stroke-dasharray="2 5"
        stroke-linecap="round"
        style={{ stroke: colour.muted }}
      />
      <Label x={8} y={304} anchor="start" size={16} weight={700} fill={colour.accent2}>
        {t("testing")}
      </Label>
      <EpisodeRow episode={test} y={322} lang={lang} />
    </Frame>
  );
}
