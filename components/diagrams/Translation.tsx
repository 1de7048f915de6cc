/**
 * Multilingual translation as a family of tasks: languages are nodes, each language pair is a
 * task with its own ϕᵢ, and θ in the middle is what all languages have in common.
 */
import type { JSX } from "preact";
import {
  Arrow,
  colour,
  type DiagramProps,
  Frame,
  Label,
  type Lang,
  pick,
  type Point,
  round,
  Sym,
} from "./svg.tsx";

const text = {
  title: {
    en: "Multilingual translation: one shared θ, one ϕᵢ per language pair",
    ko: "다국어 번역: 하나의 공유 θ 와 언어 쌍마다의 ϕᵢ",
  },
  desc: {
    en: "Six languages sit on a ring: Korean, English, French, German, Japanese and Spanish. " +
      "Neighbouring languages are joined by edges, each a translation task with its own " +
      "parameters ϕ₁ to ϕ₅. A central node θ, what all languages share, has a dashed arrow to " +
      "every ϕᵢ. The Spanish–Korean edge is dashed and highlighted: a new pair with few " +
      "examples, whose parameters ϕ_new can lean on θ.",
    ko: "여섯 언어(한국어, 영어, 프랑스어, 독일어, 일본어, 스페인어)가 원 위에 놓여 있다. 이웃한 " +
      "언어는 선으로 이어지며, 각 선은 고유한 파라미터 ϕ₁…ϕ₅ 를 가진 번역 과제이다. 가운데의 θ 는 " +
      "모든 언어가 공유하는 구조로, 각 ϕᵢ 에 점선 화살표를 보낸다. 스페인어–한국어 선은 강조된 " +
      "점선으로, 예시가 적은 새 언어 쌍이며 그 파라미터 ϕ_new 는 θ 에 기댈 수 있다.",
  },
  legendTheta: {
    en: "θ: what all languages share",
    ko: "θ: 모든 언어가 공유하는 구조",
  },
  legendPhi: {
    en: "ϕᵢ: specific to one language pair",
    ko: "ϕᵢ: 한 언어 쌍에만 해당하는 것",
  },
  legendNew: {
    en: "new pair, few examples: leans on θ",
    ko: "예시가 적은 새 언어 쌍: θ 에 기댄다",
  },
};

const languages: { en: string; ko: string }[] = [
  { en: "Korean", ko: "한국어" },
  { en: "English", ko: "영어" },
  { en: "French", ko: "프랑스어" },
  { en: "German", ko: "독일어" },
  { en: "Japanese", ko: "일본어" },
  { en: "Spanish", ko: "스페인어" },
];

const centre = { x: 200, y: 164 };
const ring = 124;
const hub = 30;
const chip = 15;

/** Point on the ring at an angle in degrees, measured clockwise from the top. */
function onRing(degrees: number, radius: number): Point {
  const a = ((degrees - 90) * Math.PI) / 180;
  return { x: round(centre.x + radius * Math.cos(a)), y: round(centre.y + radius * Math.sin(a)) };
}

const nodes = languages.map((_, i) => onRing(60 * i, ring));

/** One language on the ring. */
function Language({ at, name }: { at: Point; name: string }) {
  return (
    <g>
      <rect
        x={at.x - 48}
        y={at.y - 16}
        width={96}
        height={32}
        rx={16}
        stroke-width={1.5}
        style={{ fill: colour.surface, stroke: "currentColor" }}
      />
      <Label x={at.x} y={at.y} size={15} weight={600}>{name}</Label>
    </g>
  );
}

/** A translation task between two neighbouring languages, with its ϕ chip on the edge. */
function Pair(
  { from, to, index, fresh }: { from: Point; to: Point; index: number; fresh: boolean },
) {
  const mid = { x: round((from.x + to.x) / 2), y: round((from.y + to.y) / 2) };
  const stroke = fresh ? colour.accent2 : colour.muted;
  return (
    <g>
      <line
        x1={from.x}
        y1={from.y}
        x2={to.x}
        y2={to.y}
        stroke-width={fresh ? 2.4 : 2}
        stroke-dasharray={fresh ? "7 5" : undefined}
        style={{ stroke }}
      />
      <Arrow
        from={centre}
        to={mid}
        startGap={hub}
        endGap={fresh ? chip + 4 : chip}
        stroke={colour.accent}
        width={1.2}
        dashed
      />
      <circle
        cx={mid.x}
        cy={mid.y}
        r={fresh ? chip + 4 : chip}
        stroke-width={fresh ? 2.2 : 1.4}
        style={{ fill: colour.surface, stroke: fresh ? colour.accent2 : "currentColor" }}
      />
      <Sym
        x={mid.x - (fresh ? 6 : 2)}
        y={mid.y - 2}
        base="ϕ"
        sub={fresh ? "new" : `${index}`}
        size={fresh ? 14 : 16}
      />
    </g>
  );
}

/** One legend row: a swatch and its explanation. */
function LegendRow({ y, children, swatch }: { y: number; children: string; swatch: JSX.Element }) {
  return (
    <g transform={`translate(0 ${y})`}>
      {swatch}
      <Label x={64} y={0} anchor="start" size={15}>{children}</Label>
    </g>
  );
}

/**
 * The translation diagram, labelled in the page language.
 * @example renderToString(<Translation lang="ko" />)
 */
export default function Translation({ lang }: DiagramProps) {
  const t = (key: keyof typeof text) => pick(lang, text[key]);
  const name = (i: number) => pick(lang as Lang, languages[i]);
  return (
    <Frame width={400} height={404} name="translation" title={t("title")} desc={t("desc")}>
      {nodes.map((from, i) => (
        <Pair
          key={i}
          from={from}
          to={nodes[(i + 1) % nodes.length]}
          index={i + 1}
          fresh={i === nodes.length - 1}
        />
      ))}
      <circle
        cx={centre.x}
        cy={centre.y}
        r={hub}
        stroke-width={2.2}
        style={{ fill: colour.surface, stroke: colour.accent }}
      />
      <Sym x={centre.x} y={centre.y} base="θ" size={24} />
      {nodes.map((at, i) => <Language key={i} at={at} name={name(i)} />)}

      <LegendRow
        y={336}
        swatch={
          <g>
            <circle
              cx={36}
              cy={0}
              r={11}
              stroke-width={1.8}
              style={{ fill: colour.surface, stroke: colour.accent }}
            />
            <Sym x={36} y={0} base="θ" size={14} />
          </g>
        }
      >
        {t("legendTheta")}
      </LegendRow>
      <LegendRow
        y={362}
        swatch={
          <g>
            <line x1={14} y1={0} x2={58} y2={0} stroke-width={2} style={{ stroke: colour.muted }} />
            <circle
              cx={36}
              cy={0}
              r={9}
              stroke-width={1.4}
              style={{ fill: colour.surface, stroke: "currentColor" }}
            />
          </g>
        }
      >
        {t("legendPhi")}
      </LegendRow>
      <LegendRow
        y={388}
        swatch={
          <line
            x1={14}
            y1={0}
            x2={58}
            y2={0}
            stroke-width={2.4}
            stroke-dasharray="7 5"
            style={{ stroke: colour.accent2 }}
          />
        }
      >
        {t("legendNew")}
      </LegendRow>
    </Frame>
  );
}
