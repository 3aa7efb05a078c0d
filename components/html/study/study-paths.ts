/** The study sheet's addresses (server/study-page.ts answers them). */
export type Paper = "a4" | "letter";

export const studySheetPath = (questionId: number) => `/study/${questionId}`;
export const studyPdfPath = (questionId: number, paper: Paper = "a4") => `/study/${questionId}.pdf${paper === "letter" ? "?paper=letter" : ""}`;
export const studyQuizPath = (questionId: number) => `/study/${questionId}/quiz`;
