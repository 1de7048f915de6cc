/**
 * Plate diagram of the probabilistic view of meta-learning: shared θ → task parameters ϕᵢ →
 * data (x, y), with a plate over tasks i and a nested plate over data points j.
 */
import { Arrow, colour, type DiagramProps, Frame, Label, pick, Sym } from "./svg.tsx";

const text = {
  title: {
    en: "Graphical model: shared structure θ, task parameters ϕᵢ, data (x, y)",
    ko: "그래프 모델: 공유 구조 θ, 과제별 파라미터 ϕᵢ, 데이터 (x, y)",
  },
  desc: {
    en: "A circle for θ sits above two nested boxes (plates). An arrow runs from θ to the circle " +
      "ϕᵢ inside the outer plate, which repeats over tasks i = 1 to n. Inside it, a second plate " +
      "repeats over data points j = 1 to mᵢ and holds two shaded, observed circles, xᵢⱼ and yᵢⱼ. " +
      "Arrows run from ϕᵢ to yᵢⱼ and from xᵢⱼ to yᵢⱼ. Because every ϕᵢ hangs from the same θ, " +
      "the task parameters are conditionally independent given θ, but not independent.",
    ko: "θ 원이 두 겹의 상자(plate) 위에 있다. θ에서 바깥 상자 안의 ϕᵢ 원으로 화살표가 이어지며, " +
      "바깥 상자는 과제 i = 1…n 에 걸쳐 반복된다. 그 안의 두 번째 상자는 데이터 j = 1…mᵢ 에 걸쳐 " +
      "반복되며, 관측된(음영) 원 xᵢⱼ 와 yᵢⱼ 를 담는다. ϕᵢ 와 xᵢⱼ 에서 각각 yᵢⱼ 로 화살표가 이어진다. " +
      "모든 ϕᵢ 가 같은 θ 에 달려 있으므로 과제 파라미터들은 θ 가 주어지면 조건부 독립이지만, " +
      "그 자체로 독립은 아니다.",
  },
  shared: { en: "shared structure", ko: "공유 구조" },
  perTask: { en: "task parameters", ko: "과제별 파라미터" },
  tasks: { en: "tasks  i = 1, …, n", ko: "과제  i = 1, …, n" },
  points: { en: "data  j = 1, …, m", ko: "데이터  j = 1, …, m" },
  input: { en: "input", ko: "입력" },
  label: { en: "label", ko: "레이블" },
  latent: { en: "unobserved", ko: "관측 안 됨" },
  observed: { en: "observed", ko: "관측됨" },
  plate: { en: "plate = repeat", ko: "상자 = 반복" },
};

const theta = { x: 200, y: 42 };
const phi = { x: 200, y: 136 };
const x = { x: 132, y: 214 };
const y = { x: 268, y: 214 };
const R = 24;
const r = 22;
const shaded = { fill: colour.muted, fillOpacity: 0.28, stroke: "currentColor" };
const open = { fill: colour.surface, stroke: "currentColor" };

/**
 * The plate diagram, labelled in the page language. The viewBox is narrow (400 units) so that
 * labels stay above 11 px on a 360 px phone screen.
 * @example renderToString(<GraphicalModel lang="en" />)
 */
export default function GraphicalModel({ lang }: DiagramProps) {
  const t = (key: keyof typeof text) => pick(lang, text[key]);
  return (
    <Frame width={400} height={372} name="graphical-model" title={t("title")} desc={t("desc")}>
      <rect x={16} y={90} width={368} height={230} rx={12} stroke-width={1.5} style={open} />
      <Label x={372} y={304} anchor="end" size={15} fill={colour.muted}>{t("tasks")}</Label>
      <rect x={40} y={172} width={320} height={106} rx={10} stroke-width={1.5} style={open} />
      <Label x={348} y={262} anchor="end" size={14} fill={colour.muted}>
        {t("points")}
        <tspan dy={3} font-size={10}>i</tspan>
      </Label>

      <Arrow from={theta} to={phi} startGap={R} endGap={R} stroke={colour.accent} width={2} />
      <Arrow from={phi} to={y} startGap={R} endGap={r} />
      <Arrow from={x} to={y} startGap={r} endGap={r} />

      <circle
        cx={theta.x}
        cy={theta.y}
        r={R}
        stroke-width={2.2}
        style={{ fill: colour.surface, stroke: colour.accent }}
      />
      <Sym x={theta.x} y={theta.y} base="θ" size={22} />
      <Label
        x={theta.x + R + 10}
        y={theta.y}
        anchor="start"
        size={15}
        fill={colour.accent}
        weight={600}
      >
        {t("shared")}
      </Label>

      <circle cx={phi.x} cy={phi.y} r={R} stroke-width={1.8} style={open} />
      <Sym x={phi.x - 2} y={phi.y - 2} base="ϕ" sub="i" size={22} />
      <Label x={phi.x + R + 10} y={phi.y} anchor="start" size={15} fill={colour.muted}>
        {t("perTask")}
      </Label>

      <circle cx={x.x} cy={x.y} r={r} stroke-width={1.6} style={shaded} />
      <Sym x={x.x - 3} y={x.y - 3} base="x" sub="ij" size={20} />
      <Label x={x.x - r - 6} y={x.y} anchor="end" size={14} fill={colour.muted}>
        {t("input")}
      </Label>
      <circle cx={y.x} cy={y.y} r={r} stroke-width={1.6} style={shaded} />
      <Sym x={y.x - 3} y={y.y - 3} base="y" sub="ij" size={20} />
      <Label x={y.x + r + 6} y={y.y} anchor="start" size={14} fill={colour.muted}>
        {t("label")}
      </Label>

      <g transform="translate(0 350)">
        <circle cx={24} cy={0} r={8} stroke-width={1.4} style={open} />
        <Label x={38} y={0} anchor="start" size={14}>{t("latent")}</Label>
        <circle cx={150} cy={0} r={8} stroke-width={1.4} style={shaded} />
        <Label x={164} y={0} anchor="start" size={14}>{t("observed")}</Label>
        <rect x={250} y={-8} width={20} height={16} rx={3} stroke-width={1.4} style={open} />
        <Label x={278} y={0} anchor="start" size={14}>{t("plate")}</Label>
      </g>
    </Frame>
  );
}
