import { documentLacksInterpretation } from "@/lib/documents/review";

/** In the workflow panel: a policy document submitted without an interpretation public or in review. */
export async function InterpretationWarning({ articleId }: { articleId: number }) {
  if (!(await documentLacksInterpretation(articleId))) return null;
  return (
    <p className="workflow-warning" data-testid="interpretation-warning">
      提示：这是一份政策文件，目前没有已发布或正在审核的解读。按照《政府网站发展指引》，政策文件与解读应同步起草、同步审签、同步发布，请确认解读材料已在准备中。
    </p>
  );
}
